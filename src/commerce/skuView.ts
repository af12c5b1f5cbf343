// A product as one of its SKUs shows it: the card that names a SKU, the landing page opened on it, the WeChat card.
import { SKU_PATTERN } from '../collections/Products/validation/variantSku'

export type SkuLike = { sku?: string | null; name?: string | null; price?: number | null; stock?: number | null }
type Priced = { price?: number | null; compareAtPrice?: number | null; variants?: SkuLike[] | null }

/** A SKU as it may appear in a link (`?sku=`) or a block: the Products collection's own pattern. */
export const isSkuCode = (value: unknown): value is string => typeof value === 'string' && SKU_PATTERN.test(value)

/** The product's variant with this SKU, if it has one. */
export function variantOf<V extends SkuLike>(product: { variants?: V[] | null }, sku: unknown): V | undefined {
  if (!isSkuCode(sku)) return undefined
  return product.variants?.find((v) => v.sku === sku)
}

/**
 * What a SKU costs and its 划线价. A SKU without a price of its own, or at the product's price, is the one the
 * product's price describes, so the product's 划线价 is its own; a SKU at another price has none.
 */
export function skuPrice(product: Priced, variant?: SkuLike): { price: number; compareAtPrice: number | null } {
  const base = product.price ?? 0
  const price = variant?.price ?? base
  const compare = price === base && product.compareAtPrice && product.compareAtPrice > price ? product.compareAtPrice : null
  return { price, compareAtPrice: compare }
}
