import React from 'react'

import { landingHref } from '@/blocks/attribution'
import type { Product } from '@/payload-types'

import { ProductTile } from '../ProductTile'

/** One titled row of the shop (秒杀, 新品, a shelf): its products as tiles, two per row. */
export function ShopSection({ title, products, now, id }: { title: string; products: Product[]; now: number; id?: string }) {
  if (!products.length) return null
  return (
    <section className="shop-section" data-shelf={id ?? title}>
      <h2 className="section-title">{title}</h2>
      <div className="product-grid">
        {products.map((p) => (
          <ProductTile key={p.id} product={p} href={landingHref(p.slug)} layout="small" now={now} />
        ))}
      </div>
    </section>
  )
}
