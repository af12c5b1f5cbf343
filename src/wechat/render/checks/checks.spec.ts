import { describe, expect, it } from 'vitest'

import { checkWechatHtml } from './index'

const S = (inner: string) => `<section style="font-size:16px;color:#333333">${inner}</section>`
const IMG = 'style="display:block;max-width:100%;height:auto"'
const ids = (html: string, mode: 'api' | 'paste' = 'paste') => checkWechatHtml(html, { mode }).map((v) => v.id)

describe('checkWechatHtml', () => {
  it('accepts a compliant fragment', () => {
    const html = S(
      `<p style="margin:0 0 1em">正文<sup style="color:#067a45">[1]</sup><code style="font-size:90%;color:#d14;background-color:#f6f8fa;padding:2px 4px">x</code></p>` +
        `<section style="overflow-x:auto"><table style="width:100%"><tbody><tr><td style="border:1px solid #eee;padding:4px">a</td></tr></tbody></table></section>` +
        `<blockquote style="border-left:4px solid #07c160;padding:8px;background-color:#f5f5f5;color:#666666"><p style="border-left:0 none;padding:0;background-color:#f5f5f5;color:#666666">q</p></blockquote>` +
        `<pre style="margin:0"><code style="display:-webkit-box;overflow-x:auto">a<br>&nbsp;&nbsp;b</code></pre>` +
        `<section style="font-size:0"><section style="display:inline-block;width:47%;max-width:47% !important;margin-right:4%;vertical-align:top">l</section><section style="display:inline-block;width:47%;max-width:47% !important;vertical-align:top">r</section></section>` +
        `<img src="https://mmbiz.qpic.cn/mmbiz_png/x/0" ${IMG}>` +
        `<a href="https://mp.weixin.qq.com/s/x" style="color:#067a45">往期</a><a href="" data-miniprogram-appid="wx0123456789abcdef" data-miniprogram-path="pages/a">买</a>` +
        `<p style="margin:0">[1] Example: https://example.com</p>`,
    )
    expect(checkWechatHtml(html)).toEqual([])
  })

  it.each([
    ['1', S('<script>alert(1)</script>')],
    ['1', '<html><body><p>x</p></body></html>'],
    ['1', S('<!-- note --><p>x</p>')],
    ['1', S('<style>p{color:red}</style>')],
    ['1', S('<p onclick="x">x</p>')],
    ['2', S('<p class="title">x</p>')],
    ['3', S('<p id="a">x</p>')],
    ['4', S('<p style="color:var(--c)">x</p>')],
    ['4', S('<p style="--c:red">x</p>')],
    ['5', S('<p style="position:absolute;top:0">x</p>')],
    ['6', S('<p style="grid-template-columns:1fr">x</p>')],
    ['6', S('<p style="display:grid">x</p>')],
    ['6', S('<p style="width:calc(100% - 2px)">x</p>')],
    ['6', S('<p style="color">x</p>')],
    ['6', S('<p style="color:undefined">x</p>')],
    ['7', S('<p style="font-family:&quot;Courier New&quot;, monospace">x</p>')],
    ['7', S('<p style="font-family:Comic Sans MS">x</p>')],
    ['8', S('<p><a href="https://example.com">x</a></p>')],
    ['8', S('<p>x<sup>[3]</sup></p>')],
    ['9', S('<p>[1] A: https://e.com/a</p><p>[2] B: https://e.com/a</p>')],
    ['10', S('<p>[1] https://e.com/a: https://e.com/a</p>')],
    ['11', S('<a href="https://mp.weixin.qq.com/s/x">x</a>')],
    ['12', S('<a href="#ref-1">[1]</a>')],
    ['13', S('<a href="" data-miniprogram-appid="wx123" data-miniprogram-path="p">x</a>')],
    ['13', S('<a href="https://x.com" data-miniprogram-appid="wx0123456789abcdef" data-miniprogram-path="p">x</a>')],
    [
      '14',
      S(
        '<mp-miniprogram data-miniprogram-appid="wx0123456789abcdef" data-miniprogram-path="p" data-miniprogram-title="t" data-miniprogram-imageurl="https://cdn.x.com/a.png"></mp-miniprogram>',
      ),
    ],
    ['16', S('<section data-block="productCard" style="background-image:url(https://mmbiz.qpic.cn/a)">商品</section>')],
    ['17', S(`<img src="data:image/png;base64,AA" ${IMG}>`)],
    ['17', S(`<img src="/a.jpg" ${IMG}>`)],
    ['17', S(`<img src="https://mmbiz.qpic.cn/a" srcset="a 1x" ${IMG}>`)],
    ['1', S('<picture><source srcset="a"></picture>')],
    ['18', S('<img src="https://mmbiz.qpic.cn/a" width="300" style="display:block;max-width:100%;height:auto">')],
    ['18', S('<img src="https://mmbiz.qpic.cn/a" style="display:block">')],
    ['21', S('<pre><code style="display:-webkit-box;overflow-x:auto">a\nb</code></pre>')],
    ['21', S('<pre><code style="display:-webkit-box;overflow-x:auto">a<br>  b</code></pre>')],
    ['21', S('<pre><code>a</code></pre>')],
    ['22', S('<p><code>x</code></p>')],
    ['23', S('<ul><li><section>a</section><ul><li><section>b</section></li></ul></li></ul>')],
    [
      '23',
      S(
        '<ul><li><section>a</section></li></ul>'.replace(
          '<section>a</section>',
          '<section><ol><li><section><ul><li><section>c</section></li></ul></section></li></ol></section>',
        ),
      ),
    ],
    ['24', S('<ul><li><strong>Label</strong>: text</li></ul>')],
    ['24', S('<ul><li><section>a\u200bb</section></li></ul>')],
    ['25', S('<p><input type="checkbox"> 待办</p>')],
    ['26', S('<table><tbody><tr><td style="border:1px solid #eee;padding:4px">a</td></tr></tbody></table>')],
    ['26', S('<section style="overflow-x:auto"><table><tbody><tr><td>a</td></tr></tbody></table></section>')],
    [
      '26',
      S(
        `<section style="overflow-x:auto"><table><tbody><tr><td style="border:1px solid #eee;padding:4px"><img src="https://mmbiz.qpic.cn/a" ${IMG}></td></tr></tbody></table></section>`,
      ),
    ],
    ['27', S('<blockquote><p>q</p></blockquote>')],
    ['28', S('<h2 style="counter-increment:h;content:counter(h)">x</h2>')],
    ['29', S('<section style="overflow-y:auto;max-height:300px">长图</section>')],
    [
      '30',
      S(
        '<section><section style="display:inline-block;width:50%;max-width:50% !important;vertical-align:top">a</section> <section style="display:inline-block;width:50%;vertical-align:top">b</section></section>',
      ),
    ],
    ['31', S('<p>x</p><svg width="100" height="100" viewBox="0 0 100 100"><defs></defs><use href="#a"></use></svg><p>y</p>')],
    ['31', S('<p>x</p><svg viewBox="0 0 10 10" width="900" height="10"></svg><p>y</p>')],
    ['32', S('<svg width="10" height="10" viewBox="0 0 10 10"></svg><p>x</p>')],
    ['33', S('<p>x</p><svg width="10" height="10" viewBox="0 0 10 10"><animate attributeName="transform"></animate></svg><p>y</p>')],
    ['34', S('<math><mi>x</mi></math>')],
    ['35', S('<section style="background-image:linear-gradient(red,blue)">x</section>')],
    ['35', S('<section style="background-image:url(https://mmbiz.qpic.cn/a)"><p>x</p></section>')],
    ['36', S('<p data-darkmode-color-16123="rgb(0,0,0)">x</p>')],
    ['37', '<section style="padding:0 16px;background-color:#fff"><p>x</p></section>'],
    ['38', S('<p style="color:#eeeeee">浅色字</p>')],
    ['39', S(`<p>${'字'.repeat(20_000)}</p>`)],
    ['40', S('<p style="text-align:start">x</p>')],
    ['40', S('<p style="line-height:0">x</p>')],
    ['40', S('<section style="width:900px">x</section>')],
    ['40', S('<span>'.repeat(16) + 'x' + '</span>'.repeat(16))],
  ])('flags case %s: %s', (id, html) => {
    expect(ids(html)).toContain(id)
  })

  it('requires mmbiz images only in api mode (case 17)', () => {
    const html = S(`<img src="https://cdn.example.com/a.jpg" ${IMG}>`)
    expect(ids(html, 'api')).toContain('17')
    expect(ids(html, 'paste')).not.toContain('17')
  })

  it('allows WeChat-native class names and component DOM (case 2)', () => {
    expect(
      ids(S('<section class="mp_common_product_iframe_wrp"><mp-common-product class="js_product" data-windowproduct="x"></mp-common-product></section>')),
    ).toEqual([])
  })

  it('reports each problem once with a readable message', () => {
    const result = checkWechatHtml(S('<p class="a">x</p><p class="a">x</p>'))
    expect(result).toEqual([{ id: '2', message: expect.stringContaining('class="a"') }])
  })
})
