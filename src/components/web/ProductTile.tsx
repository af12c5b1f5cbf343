import React from 'react'

import { skuPrice } from '@/commerce/skuView'
import type { Product } from '@/payload-types'
import { mediaAt } from '@/utilities/mediaUrl'

import { FlashSaleBadge } from './FlashSaleBadge'
import { Price } from './Price'

/**
 * A product as a tappable tile; `href` carries attribution when it comes from an article. A 秒杀 product shows its
 * badge, and the start time while the sale is ahead at `now` (the render time of the cached article page). A tile
 * for one SKU (`variant`, a card that names it) shows that SKU's name and price; `href` then opens the page on it.
 */
export function ProductTile({
  product,
  href,
  layout = 'large',
  cta,
  now,
  variant,
}: {
  product: Product
  variant?: NonNullable<Product['variants']>[number]
  href: string
  layout?: 'large' | 'small' | 'text'
  cta?: string | null
  now?: number
}) {
  const image = layout === 'text' ? null : mediaAt(variant?.image ?? product.images?.[0], layout === 'large' ? 'card' : 'thumbnail')
  const point = product.sellingPoints?.[0]?.text
  const { price, compareAtPrice } = skuPrice(product, variant)
  return (
    // A plain link, not next/link: a product tap is a page load, so a WeChat reader's first one can go through silent
    // OAuth (src/platform/reader/oauthOnFirstTap.ts) and the landing page is the cached HTML, not an RSC payload.
    <a href={href} className={`product-tile product-tile--${layout}`} data-product={product.slug}>
      {image ? <img src={image.url} width={image.width} height={image.height} alt={image.alt} loading="lazy" /> : null}
      <span className="product-tile__body">
        <span className="product-tile__title">{product.title}</span>
        <FlashSaleBadge saleStartsAt={product.saleStartsAt} now={now} />
        {variant ? <span className="product-tile__sku">规格：{variant.name}</span> : null}
        {point ? <span className="product-tile__point">{point}</span> : null}
        <Price price={price} compareAtPrice={compareAtPrice} />
        <span className="product-tile__cta">{cta || '去看看'}</span>
      </span>
    </a>
  )
}
