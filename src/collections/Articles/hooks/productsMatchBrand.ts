import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { idOf } from '../../../access/roles'
import { referencedIds } from '../../../wechat/articleRenderInput'

/**
 * An article sells its own brand's products only. Block pickers already offer just the editor's brands;
 * this also holds for editors of several brands and for API writes.
 */
export const productsMatchBrand: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const content = data?.content ?? originalDoc?.content
  const brand = idOf(data?.brand ?? originalDoc?.brand)
  if (!content || !brand) return data
  const { products } = referencedIds(content)
  if (!products.length) return data
  const { docs } = await req.payload.find({
    collection: 'products',
    where: { id: { in: products } },
    depth: 0,
    limit: products.length,
    overrideAccess: true,
    select: { brand: true, title: true },
    req,
  })
  const foreign = docs.filter((p) => idOf(p.brand) !== brand)
  if (foreign.length) {
    throw new ValidationError({
      collection: 'articles',
      errors: [{ path: 'content', message: `文章只能引用本品牌的商品：${foreign.map((p) => p.title).join('、')} 属于其他品牌` }],
    })
  }
  return data
}
