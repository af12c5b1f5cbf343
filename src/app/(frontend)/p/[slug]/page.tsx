import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { metaRefreshSeconds, tagSalePage } from '@/commerce/flashSaleCache'
import { sandboxEnabled } from '@/commerce/payGateway'
import { BuyForm, initialVariant } from '@/components/web/BuyForm'
import { FlashSaleBadge } from '@/components/web/FlashSaleBadge'
import { Price } from '@/components/web/Price'
import { TrackView } from '@/components/web/TrackView'
import { WechatShare } from '@/components/web/WechatShare'
import type { Brand, Media } from '@/payload-types'
import { instantOf } from '@/platform/beijingTime'
import { publicBrand, publishedProduct } from '@/queries/published'
import { brandedTitle } from '@/utilities/brandedTitle'
import { mediaAt } from '@/utilities/mediaUrl'

// Cached (ISR) and revalidated on demand when the product changes (Products afterChange → revalidatePath);
// stock on the cached page is refreshed by /api/stock, and the checkout itself always re-checks it atomically.
// A 秒杀 page rendered before its start expires exactly at the start and reloads itself there without JavaScript
// (src/commerce/flashSaleCache.ts); checkout answers NOT_STARTED on the server's clock whatever a page shows.
export const revalidate = 300
export const dynamicParams = true
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

function shareData(product: NonNullable<Awaited<ReturnType<typeof publishedProduct>>>) {
  const image = mediaAt(product.images?.[0], 'card')
  const desc = product.sellingPoints?.map((p) => p.text).join(' · ') || product.description?.slice(0, 60) || ''
  return { title: product.title, desc, imgUrl: image?.url ?? '', link: `/p/${product.slug}` }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await publishedProduct((await params).slug)
  if (!product) return {}
  const share = shareData(product)
  return {
    title: brandedTitle(product.title, await publicBrand(product.brand as Brand | string)),
    description: share.desc,
    openGraph: { type: 'website', title: share.title, description: share.desc, images: share.imgUrl ? [share.imgUrl] : [], url: share.link },
  }
}

export default async function ProductPage({ params }: Props) {
  const product = await publishedProduct((await params).slug)
  if (!product) notFound()
  const brand = await publicBrand(product.brand as Brand | string)
  const images = (product.images ?? []).map((m) => mediaAt(m as Media, 'card')).filter((m) => m !== null)
  const variants = (product.variants ?? []).map(({ sku, name, price, stock }) => ({ sku, name, price, stock }))
  // With variants the price shown is the chosen SKU's (its own price, or the product's); the enhancer follows the choice.
  const chosen = initialVariant(variants, product.price)
  const price = chosen?.price ?? product.price
  // 秒杀: the sale state is judged at render time, on the server's clock; the cached page is tagged to expire at the start.
  // eslint-disable-next-line react-hooks/purity -- a server component, rendered once per cache fill: the render time is the input
  const renderedAt = Date.now()
  const startsAt = instantOf(product.saleStartsAt)
  const upcoming = startsAt !== null && startsAt > renderedAt
  if (upcoming) await tagSalePage(product.id, startsAt, renderedAt)
  return (
    <article className="product-page">
      {images.length ? (
        <div className="gallery">
          {images.map((img, i) => (
            <img key={img.url} src={img.url} width={img.width} height={img.height} alt={img.alt} loading={i === 0 ? 'eager' : 'lazy'} decoding="async" />
          ))}
        </div>
      ) : null}
      <span data-price-of={product.id}>
        <Price price={price} compareAtPrice={chosen?.price != null ? null : product.compareAtPrice} />
      </span>
      <h1>{product.title}</h1>
      <FlashSaleBadge saleStartsAt={product.saleStartsAt} limitPerBuyer={product.limitPerBuyer} now={renderedAt} />
      {brand ? <p className="brand-line">{brand.name}</p> : null}
      {product.sellingPoints?.length ? (
        <ul className="points">
          {product.sellingPoints.map((p) => (
            <li key={p.id ?? p.text}>{p.text}</li>
          ))}
        </ul>
      ) : null}
      {product.description ? <p>{product.description}</p> : null}
      <BuyForm
        productId={product.id}
        slug={product.slug}
        stock={product.stock}
        price={product.price}
        variants={variants}
        sandbox={sandboxEnabled()}
        sale={{ startsAt: product.saleStartsAt, limitPerBuyer: product.limitPerBuyer, renderedAt }}
      />
      {upcoming ? (
        // Without JavaScript only: reload through /p/<slug>/start, which answers at the start (see flashSaleCache.ts).
        <noscript
          dangerouslySetInnerHTML={{
            __html: `<meta http-equiv="refresh" content="${metaRefreshSeconds(startsAt - renderedAt)};url=/p/${encodeURIComponent(product.slug)}/start">`,
          }}
        />
      ) : null}
      {/* WeChat JS-SDK share data (wx.updateAppMessageShareData / updateTimelineShareData); the signature is wired elsewhere. */}
      <script id="wx-share" type="application/json" dangerouslySetInnerHTML={{ __html: JSON.stringify(shareData(product)).replace(/</g, '\\u003c') }} />
      <TrackView type="landing_view" product={product.id} />
      <WechatShare {...shareData(product)} />
    </article>
  )
}
