import React from 'react'

import { ProductTile } from '@/components/web/ProductTile'
import type { Product, ProductCardBlock as ProductCardFields } from '@/payload-types'

import { type Attribution, landingHref } from '../attribution'

/** Web view of a product card: a tappable tile to the landing page, carrying the article attribution. */
export function ProductCardComponent({ fields, attribution }: { fields: ProductCardFields; attribution: Attribution }) {
  const product = fields.product as Product | string
  if (!product || typeof product === 'string') return <p className="block-missing">（商品已下架）</p>
  return <ProductTile product={product} layout={fields.layout ?? 'large'} cta={fields.cta} href={landingHref(product.slug, attribution)} />
}
