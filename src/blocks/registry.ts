// Every article block, declared once: the slug, whether it sells (a product block: counted in the block index that
// the funnel's `block` and the landing links' `b=` carry), the products it references and its WeChat converter.
// Pure (no React, no Payload runtime) so the WeChat renderer can read it. The editor (editorBlocks.ts) and the web
// page (webBlocks.tsx) extend it by slug; their types make them list exactly these slugs.
import type { WechatBlockConverter } from '../wechat/render/context'
import type { BlockFields } from './blockNodes'
import { codeToWechat } from './Code/wechat'
import { productCardToWechat } from './ProductCard/wechat'
import { productGridToWechat } from './ProductGrid/wechat'

export type BlockDefinition = {
  /** A product block: it is counted in the article's product-block index. */
  sells: boolean
  /** The product references (ids or populated documents) in the block's fields. */
  productsOf: (fields: BlockFields) => unknown[]
  toWechat: WechatBlockConverter
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

export const blockRegistry = {
  productCard: { sells: true, productsOf: (fields) => [fields.product], toWechat: productCardToWechat },
  productGrid: { sells: true, productsOf: (fields) => listOf(fields.products), toWechat: productGridToWechat },
  code: { sells: false, productsOf: () => [], toWechat: codeToWechat },
} satisfies Record<string, BlockDefinition>

export type BlockSlug = keyof typeof blockRegistry

export const blockSlugs = Object.keys(blockRegistry) as BlockSlug[]

/** The definition of a block by its `blockType`, or undefined for an unknown one (own keys only: no prototype). */
export function blockOf(slug: unknown): BlockDefinition | undefined {
  return typeof slug === 'string' && Object.prototype.hasOwnProperty.call(blockRegistry, slug) ? blockRegistry[slug as BlockSlug] : undefined
}
