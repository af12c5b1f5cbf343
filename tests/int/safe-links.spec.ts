// Only http(s), mailto:, tel: and our own pages become links, on the web article page and in the WeChat HTML;
// javascript:, data:, vbscript: (in any disguise) render as their plain text.
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { ArticleBody } from '@/components/web/ArticleBody'
import { renderWechatArticle } from '@/wechat/render'
import { parse, textOf } from '@/wechat/render/testing/html'
import * as L from '@/wechat/render/testing/lexical'

const UNSAFE = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(2)',
  'java\tscript:alert(3)',
  '&#106;avascript:alert(4)',
  'data:text/html,<script>alert(5)</script>',
  'vbscript:msgbox(6)',
  'VBScript:msgbox(7)',
]
const SAFE = ['https://ok.example/tea', 'mailto:a@b.c', 'tel:+8613800000000']

// Labels never contain the URL, so any trace of an unsafe URL in the output is a leak.
const linkText = (url: string) => `链接 ${[...UNSAFE, ...SAFE].indexOf(url) + 1}`
const autolink = (url: string, label: string) => ({ ...L.autolink(url), children: [L.text(label)] })
const content = () =>
  L.doc(
    L.paragraph(...[...UNSAFE, ...SAFE].map((url) => L.link(url, L.text(linkText(url))))),
    L.paragraph(autolink('javascript:alert(8)', '自动链接 坏'), autolink('https://auto.example/x', '自动链接 好')),
    L.paragraph(
      {
        type: 'link',
        version: 3,
        fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: { id: 'a1', slug: 'spring-longjing-guide' } } },
        children: [L.text('上一篇')],
      },
      { type: 'link', version: 3, fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: 'a2' } }, children: [L.text('未展开')] },
    ),
  ) as unknown as SerializedEditorState

describe('web article page (ArticleBody)', () => {
  const html = renderToStaticMarkup(React.createElement(ArticleBody, { articleId: 'a0', content: content() }))
  const $ = parse(html)
  const hrefs = $.tags('a').map((a) => a.attribs.href)

  it('links only the safe URLs, our own internal page and the safe autolink', () => {
    expect(hrefs).toEqual(['https://ok.example/tea', 'mailto:a@b.c', 'tel:+8613800000000', 'https://auto.example/x', '/a/spring-longjing-guide'])
  })

  it('renders every unsafe link as its plain text, with no trace of the URL in any attribute', () => {
    for (const url of UNSAFE) expect($.text()).toContain(linkText(url))
    expect($.text()).toContain('自动链接 坏')
    expect(html).not.toMatch(/javascript|vbscript|data:|&#106;/i)
    for (const a of $.tags('a')) expect(UNSAFE.map(linkText)).not.toContain(textOf(a))
  })

  it('does not turn an unpopulated internal link into a dead "#" link', () => {
    expect(hrefs).not.toContain('#')
    expect($.text()).toContain('未展开')
  })
})

describe('WeChat HTML (renderWechatArticle)', () => {
  const render = (extra = {}) => renderWechatArticle({ content: content(), products: {}, media: {}, baseUrl: 'https://shop.example.com', ...extra })

  it('keeps no unsafe URL anywhere: not as a link and not in the references', async () => {
    const { html } = await render()
    for (const url of UNSAFE) expect(parse(html).text()).toContain(linkText(url))
    expect(html).not.toMatch(/javascript|vbscript|data:|&#106;/i)
    expect(parse(html).tags('a')).toHaveLength(0)
  })

  it('lists the safe http(s) URLs and our own page as references (WeChat strips other domains)', async () => {
    const text = parse((await render()).html).text()
    expect(text).toContain('https://ok.example/tea')
    expect(text).toContain('https://auto.example/x')
    expect(text).toContain('https://shop.example.com/a/spring-longjing-guide')
  })

  it('keeps mp.weixin.qq.com links as <a href>, and only those', async () => {
    const { html } = await renderWechatArticle({
      content: L.doc(L.paragraph(L.link('https://mp.weixin.qq.com/s/ok', L.text('往期')), L.link(' JaVaScRiPt:alert(1)', L.text('坏')))),
      products: {},
      media: {},
      baseUrl: 'https://shop.example.com',
    })
    expect(
      parse(html)
        .tags('a')
        .map((a) => a.attribs.href),
    ).toEqual(['https://mp.weixin.qq.com/s/ok'])
  })
})
