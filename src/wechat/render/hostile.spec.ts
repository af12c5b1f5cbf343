import { describe, expect, it } from 'vitest'

import { checkWechatHtml } from './checks'
import { RenderInputError, renderWechatArticle } from './index'
import { parse } from './testing/html'
import * as L from './testing/lexical'
import type { RenderInput } from './types'

const render = (content: unknown, extra: Partial<RenderInput> = {}) =>
  renderWechatArticle({ content, products: {}, media: {}, baseUrl: 'https://shop.example.com', ...extra })

/** No executable or off-list markup, judged by a real parser. */
function expectInert(html: string, allowedCases: string[] = []) {
  const $ = parse(html)
  expect($.all((el) => ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'img'].includes(el.name) && !el.attribs.src?.startsWith('https://'))).toEqual([])
  for (const el of $.all(() => true)) {
    for (const [name, value] of Object.entries(el.attribs)) {
      expect(name).not.toMatch(/^on/i)
      expect(value).not.toMatch(/javascript:|expression\(|<script/i)
    }
  }
  expect(checkWechatHtml(html, { mode: 'paste' }).filter((v) => !allowedCases.includes(v.id))).toEqual([])
}

describe('hostile content', () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(1)>"\'><a href="javascript:alert(1)">x</a>'

  it('escapes markup in text so it appears as text', async () => {
    const { html } = await render(L.doc(L.paragraph(L.text(evil)), L.heading('h2', L.text(evil))))
    expectInert(html)
    expect(parse(html).text()).toContain('<script>alert(1)</script>')
  })

  it('ignores Lexical text style strings (style injection)', async () => {
    const styled = { ...L.text('红字'), style: 'color:red;position:fixed;background:url(javascript:alert(1))' }
    const { html } = await render(L.doc(L.paragraph(styled)))
    expectInert(html)
    expect(html).not.toContain('position')
  })

  it('neutralises hostile link fields', async () => {
    const { html } = await render(
      L.doc(
        L.paragraph(
          L.link('javascript:alert(1)', L.text('a')),
          L.link('https://mp.weixin.qq.com/s/x" onclick="alert(1)', L.text('b')),
          L.link('https://example.com/"><script>alert(1)</script>', L.text('c')),
          { type: 'link', fields: { url: { toString: 'x' } }, children: [L.text('d')] },
        ),
      ),
    )
    expectInert(html)
    expect(parse(html).text()).toMatch(/^ab.*c.*d/)
  })

  it('ignores hostile values in block/table/heading fields', async () => {
    const content = L.doc(
      { ...L.heading('h2" onclick="x', L.text('t')), format: 'center;position:absolute' },
      L.table(L.row({ ...L.cell('x'), colSpan: '2" onmouseover="x', backgroundColor: 'red;position:fixed' })),
      L.block('code', { language: '<script>', code: '</code><script>alert(1)</script>' }),
      L.upload({ url: 'javascript:alert(1)', alt: '" onerror="x' }),
      L.upload({ url: 'https://cdn.example.com/a.jpg', alt: '" onerror="alert(1)' }),
    )
    const { html } = await render(content)
    expectInert(html)
  })

  it('rejects hostile theme options with a typed error', async () => {
    await expect(render(L.doc(), { primaryColor: 'red;position:fixed' })).rejects.toBeInstanceOf(RenderInputError)
    await expect(render(L.doc(), { theme: '__proto__' })).rejects.toBeInstanceOf(RenderInputError)
    await expect(render(L.doc(), { baseUrl: 'javascript:alert(1)' })).rejects.toBeInstanceOf(RenderInputError)
    await expect(render(L.doc(), { mode: 'fax' as never })).rejects.toBeInstanceOf(RenderInputError)
  })

  it('renders a 10,000-node document', async () => {
    const paragraphs = Array.from({ length: 2500 }, (_, i) => L.paragraph(L.text(`段${i}`), L.text('粗', L.BOLD), L.linebreak()))
    // How fast it renders is measured in bench/render-wechat.ts, not here.
    const { html, warnings } = await render(L.doc(...paragraphs))
    expect(parse(html).tags('p')).toHaveLength(2500)
    expect(warnings.join()).toContain('20000')
  })

  it('refuses 10,000-deep nesting with RenderInputError instead of overflowing the stack', async () => {
    let node: Record<string, unknown> = L.text('底')
    for (let i = 0; i < 10_000; i++) node = { type: 'quote', children: [node] }
    await expect(render(L.doc(node))).rejects.toThrow(/deeper than/)
    let list: Record<string, unknown> = L.list('bullet', L.listItem(L.text('x')))
    for (let i = 0; i < 10_000; i++) list = L.list('bullet', L.listItem(list))
    await expect(render(L.doc(list))).rejects.toBeInstanceOf(RenderInputError)
  })

  it.each([
    ['null', null],
    ['a string that is not JSON', '{oops'],
    ['no root', { foo: 1 }],
    ['root without children', { root: { type: 'root' } }],
    ['a node without type', L.doc({ children: [] })],
    ['children not an array', L.doc({ type: 'paragraph', children: 'x' })],
    ['a primitive child', L.doc(L.paragraph(42 as never))],
  ])('fails cleanly on malformed content: %s', async (_, content) => {
    await expect(render(content)).rejects.toBeInstanceOf(RenderInputError)
  })

  it('accepts the editor state as a JSON string', async () => {
    const { html } = await render(JSON.stringify(L.doc(L.paragraph(L.text('字符串')))))
    expect(parse(html).text()).toContain('字符串')
  })

  it('survives junk in products and media maps', async () => {
    const { html, warnings } = await render(
      L.doc(L.block('productCard', { product: 'p' }), L.block('productGrid', { products: ['q', null, { id: 5 }] }), L.upload('m')),
      { products: { p: { title: 42, price: '9', images: 'nope' } as never, q: null as never }, media: { m: { url: 42 } as never } },
    )
    // Case 16 is expected here: a product without a valid price has no price line (the editor is warned).
    expectInert(html, ['16'])
    expect(warnings.join()).toContain('价格无效')
  })

  it('treats prototype keys as unknown ids', async () => {
    const { html } = await render(L.doc(L.block('productCard', { product: '__proto__' }), L.upload('constructor')))
    expect(parse(html).text()).toContain('[商品不存在：__proto__]')
    expect(parse(html).text()).toContain('[图片缺失：constructor]')
  })
})
