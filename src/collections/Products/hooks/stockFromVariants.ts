import type { CollectionBeforeValidateHook } from 'payload'

type VariantLike = { stock?: unknown }

/**
 * "Stock on the product is always the number still available": a product with variants is sold per SKU, so its
 * own `stock` is the sum of its variants' stock. Kept true here on every write through Payload, and by the
 * checkout's hold/release in src/db/stock.ts, which moves a SKU and its product's total in one transaction.
 */
export const stockFromVariants: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data) return data
  const variants = (data.variants ?? (originalDoc as { variants?: VariantLike[] } | undefined)?.variants) as VariantLike[] | null | undefined
  if (Array.isArray(variants) && variants.length) {
    data.stock = variants.reduce((sum, v) => sum + (typeof v?.stock === 'number' && Number.isFinite(v.stock) ? v.stock : 0), 0)
  }
  return data
}
