// One registry: the editor, the web page and the WeChat renderer know the same blocks, and the page and the
// renderer number the product blocks alike (the `b=` a tap carries and the funnel's `block`).
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { ArticleBody } from '@/components/web/ArticleBody'
import { renderWechatArticle } from '@/wechat/render'
import * as L from '@/wechat/render/testing/lexical'

import { blockConfigs, editorBlocks } from './editorBlocks'
import { productBlocksOf } from './productBlocks'
import { blockRegistry, blockSlugs } from './registry'
import { webBlocks } from './webBlocks'

const product = (n: number) => ({ id: `p${n}`, title: `商品 ${n}`, slug: `product-${n}`, price: 100 * n })
// L.block gives every block the same id, so the index cannot lean on ids.
const card = (n: number) => L.block('productCard', { product: product(n), layout: 'text' })
const grid = (...ns: number[]) => L.block('productGrid', { products: ns.map(product) })
const code = () => L.block('code', { code: 'let x = 1', language: 'typescript' })
const content = L.doc(
  L.paragraph(L.text('开头')),
  card(1),
  code(),
  L.list('bullet', L.listItem(L.text('清单'), grid(2, 3))),
  L.table(L.row(L.cell([L.text('表格')]), { ...L.cell([]), children: [card(4)] })),
  { type: 'unknownWrapper', children: [card(5)] },
)

/** Landing slug → the `b` it carries, from every `/p/<slug>?…b=<n>` in the HTML. */
function blockBySlug(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/\/p\/([\w-]+)\?[^"'\s]*?b=(\d+)/g)].map((m) => [m[1]!, m[2]!]))
}

describe('the blocks registry', () => {
  it('gives every block a Payload config of the same slug and a web component; the editor offers them all', () => {
    expect(Object.keys(blockConfigs)).toEqual(blockSlugs)
    for (const slug of blockSlugs) expect(blockConfigs[slug].slug).toBe(slug)
    expect(Object.keys(webBlocks)).toEqual(blockSlugs)
    expect(editorBlocks.map((b) => b.slug)).toEqual(blockSlugs)
  })

  it('counts the blocks that sell, in document order, with the products each references', () => {
    expect(blockSlugs.filter((slug) => blockRegistry[slug].sells)).toEqual(['productCard', 'productGrid'])
    expect(productBlocksOf(content).map((b) => [b.blockType, b.products])).toEqual([
      ['productCard', ['p1']],
      ['productGrid', ['p2', 'p3']],
      ['productCard', ['p4']],
      ['productCard', ['p5']],
    ])
  })

  it('numbers the product blocks the same on the web page and in the WeChat HTML', async () => {
    const page = renderToStaticMarkup(React.createElement(ArticleBody, { articleId: 'a1', content: content as unknown as SerializedEditorState }))
    const wechat = await renderWechatArticle({ content, products: {}, media: {}, baseUrl: 'https://shop.example.com', articleId: 'a1' })
    const expected = { 'product-1': '0', 'product-2': '1', 'product-3': '1', 'product-4': '2', 'product-5': '3' }
    expect(blockBySlug(wechat.qrCodes.map((q) => q.landingUrl).join(' '))).toEqual(expected)
    // The web page drops nodes it does not know (and what is inside them); the numbers of the rest do not move.
    const { 'product-5': _unknownOnTheWeb, ...onTheWeb } = expected
    expect(blockBySlug(page.replaceAll('&amp;', '&'))).toEqual(onTheWeb)
  })
})
