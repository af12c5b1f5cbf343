import type { TextFieldSingleValidation } from 'payload'

import { isSkuCode, variantOf } from '../../commerce/skuView'
import { idOf } from '../../utilities/idOf'

/** A card's SKU, if given, is one of its product's variants' (read on the server, where the card is saved). */
export const validateCardSku: TextFieldSingleValidation = async (value, { siblingData, req }) => {
  if (value === null || value === undefined || value === '') return true
  if (!isSkuCode(value)) return '规格编码只能包含字母、数字、- 和 _，最长 32 位 (SKU: letters, digits, - and _, at most 32)'
  const productId = idOf((siblingData as { product?: unknown } | undefined)?.product)
  if (typeof productId !== 'string' || !req?.payload) return true
  const product = await req.payload
    .findByID({ collection: 'products', id: productId, depth: 0, select: { variants: true }, overrideAccess: true, req })
    .catch(() => null)
  if (!product) return true // the product field reports a missing product itself
  return variantOf(product, value) ? true : `该商品没有规格「${value}」，请填写商品里的规格编码，或留空 (the product has no SKU ${value})`
}
