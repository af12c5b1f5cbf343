import React from 'react'

import { variantOf } from '@/commerce/skuView'
import { ProductTile } from '@/components/web/ProductTile'
import type { Product, ProductCardBlock as ProductCardFields } from '@/payload-types'

import { type Attribution, landingHref } from '../attribution'

/** Web view of a product card: a tappable tile to the landing page (on the card's SKU, if it names one that still exists), carrying the article attribution. */
export function ProductCardComponent({ fields, attribution }: { fields: ProductCardFields; attribution: Attribution }) {
  const product = fields.product as Product | string
  if (!product || typeof product === 'string') return <p className="block-missing">（商品已下架）</p>
  const variant = variantOf(product, fields.sku)
  return (
    <ProductTile
      product={product}
      variant={variant}
      layout={fields.layout ?? 'large'}
      cta={fields.cta}
      href={landingHref(product.slug, attribution, variant?.sku)}
    />
  )
}
