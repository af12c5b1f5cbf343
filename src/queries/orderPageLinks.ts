import type { Order } from '@/payload-types'
import { idOf } from '@/utilities/idOf'

import { publicPayload } from './publicPayload'

export type OrderPageLinks = { productPath?: string; communityPath?: string }

/**
 * Where the order page sends the buyer on: the first item's product page, and the brand's published community
 * (联系客服). Read as an anonymous visitor, so an unpublished product or community is simply not linked.
 */
export async function orderPageLinks(order: Pick<Order, 'items' | 'brand'>): Promise<OrderPageLinks> {
  const payload = await publicPayload()
  const productId = idOf(order.items?.[0]?.product)
  const brandId = idOf(order.brand)
  const [product, community] = await Promise.all([
    productId ? payload.find({ collection: 'products', where: { id: { equals: productId } }, limit: 1, depth: 0, overrideAccess: false }) : null,
    brandId
      ? payload.find({ collection: 'communities', where: { brand: { equals: brandId } }, sort: 'createdAt', limit: 1, depth: 0, overrideAccess: false })
      : null,
  ])
  const productSlug = product?.docs[0]?.slug
  const communitySlug = community?.docs[0]?.slug
  return {
    ...(productSlug ? { productPath: `/p/${encodeURIComponent(productSlug)}` } : {}),
    ...(communitySlug ? { communityPath: `/c/${encodeURIComponent(communitySlug)}` } : {}),
  }
}
