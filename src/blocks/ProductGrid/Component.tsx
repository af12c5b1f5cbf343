import React from 'react'

import { ProductTile } from '@/components/web/ProductTile'
import type { Product, ProductGridBlock as ProductGridFields } from '@/payload-types'

import { type Attribution, landingHref } from '../attribution'

export function ProductGridComponent({ fields, attribution }: { fields: ProductGridFields; attribution: Attribution }) {
  const products = (fields.products ?? []).filter((p): p is Product => typeof p === 'object' && p !== null)
  return (
    <div className="product-grid">
      {products.map((product) => (
        <ProductTile key={product.id} product={product} layout="small" href={landingHref(product.slug, attribution)} />
      ))}
    </div>
  )
}
