import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import React from 'react'

import { metaRefreshSeconds, tagSalePage } from '@/commerce/flashSaleCache'
import { sandboxEnabled } from '@/commerce/payGateway'
import { jsonLdScript, productJsonLd } from '@/commerce/productJsonLd'
import { skuPrice, variantOf } from '@/commerce/skuView'
import { soldCounts } from '@/commerce/soldCount'
import { BuyForm } from '@/components/web/BuyForm'
import { FlashSaleBadge } from '@/components/web/FlashSaleBadge'
import { Price } from '@/components/web/Price'
import { ServiceNotes } from '@/components/web/product/ServiceNotes'
import { SharePoster } from '@/components/web/product/SharePoster'
import { ShopHeader } from '@/components/web/product/ShopHeader'
import { ShopPromises } from '@/components/web/product/ShopPromises'
import { TrackView } from '@/components/web/TrackView'
import { initialVariant, VARIANT_INDEX } from '@/components/web/variantChoice'
import { WechatShare } from '@/components/web/WechatShare'
import type { Brand, Media } from '@/payload-types'
import { instantOf } from '@/platform/beijingTime'
import { publicPayload } from '@/queries/publicPayload'
import { publicBrand, publishedProduct, shopFace } from '@/queries/published'
import { brandedTitle } from '@/utilities/brandedTitle'
import { mediaAt } from '@/utilities/mediaUrl'
import { defaultOrigin } from '@/wechat/account/runtime'

// The landing page of a product (/p/<slug>), or of one of its SKUs (/p/<slug>/s/<sku>, which /p/<slug>?sku= is served
// by: src/platform/http/skuPages.ts). Both are cached (ISR) and revalidated on demand when the product changes
// (Products afterChange → src/commerce/revalidateProductPage.ts); stock on the cached page is refreshed by /api/stock,
// and the checkout itself always re-checks it atomically.
// A 秒杀 page rendered before its start expires exactly at the start and reloads itself there without JavaScript
// (src/commerce/flashSaleCache.ts); checkout answers NOT_STARTED on the server's clock whatever a page shows.

type Product = NonNullable<Awaited<ReturnType<typeof publishedProduct>>>

function shareData(product: Product) {
  const image = mediaAt(product.images?.[0], 'card')
  const desc = product.sellingPoints?.map((p) => p.text).join(' · ') || product.description?.slice(0, 60) || ''
  return { title: product.title, desc, imgUrl: image?.url ?? '', link: `/p/${product.slug}` }
}

/** The product's title, naming the SKU a SKU page is opened on unless the title already does (「明前龙井 250g 罐装（50g 尝鲜装）」). */
function titleFor(product: Product, sku?: string): string {
  const variant = sku === undefined ? undefined : variantOf(product, sku)
  return variant && !product.title.includes(variant.name) ? `${product.title}（${variant.name}）` : product.title
}

/** The gallery: the product's images, led by the chosen SKU's own image when it has one (a SKU page's first paint). */
function galleryOf(product: Product, sku?: string) {
  const skuImage = sku === undefined ? undefined : variantOf(product, sku)?.image
  const media = [skuImage, ...(product.images ?? [])].filter((m): m is Media => !!m && typeof m === 'object')
  const seen = new Set<string>()
  return media
    .filter((m) => !seen.has(m.id) && !!seen.add(m.id))
    .map((m) => mediaAt(m, 'card'))
    .filter((m) => m !== null)
}

export async function landingMetadata(slug: string, sku?: string): Promise<Metadata> {
  const product = await publishedProduct(slug)
  if (!product) return {}
  const share = shareData(product)
  return {
    title: brandedTitle(titleFor(product, sku), await publicBrand(product.brand as Brand | string)),
    description: share.desc,
    openGraph: { type: 'website', title: share.title, description: share.desc, images: share.imgUrl ? [share.imgUrl] : [], url: share.link },
  }
}

/**
 * The price at the top, and which SKU it is for: one copy per SKU, the chosen one shown (by CSS, with or without
 * JavaScript: variantChoice.ts), so a title naming one SKU never sits over another's price unexplained.
 */
function HeadlinePrice({ product, variants, chosenSku }: { product: Product; variants: NonNullable<Product['variants']>; chosenSku?: string }) {
  if (!variants.length) return <Price {...skuPrice(product)} />
  return (
    <span data-by-variant>
      {variants.map((v, i) => (
        <span key={v.sku} {...{ [VARIANT_INDEX]: i }} className={v.sku === chosenSku ? 'is-initial' : undefined}>
          <Price {...skuPrice(product, v)} />
          <span className="price-sku">已选：{v.name}</span>
        </span>
      ))}
    </span>
  )
}

export async function ProductLanding({ slug, sku }: { slug: string; sku?: string }) {
  const product = await publishedProduct(slug)
  if (!product) notFound()
  // A SKU page for a SKU the product no longer has (renamed, removed): the product's own page.
  if (sku !== undefined && !variantOf(product, sku)) redirect(`/p/${encodeURIComponent(product.slug)}`)
  const brand = await publicBrand(product.brand as Brand | string)
  const face = brand ? await shopFace(String(brand.id)) : null
  const sold = (await soldCounts(await publicPayload(), [product.id])).get(product.id) ?? 0
  const variants = (product.variants ?? []).map(({ sku, name, price, stock, image }) => ({ sku, name, price, stock, image: mediaAt(image, 'thumbnail') }))
  const chosen = initialVariant(variants, product.price, sku)
  const images = galleryOf(product, chosen?.sku)
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
      <p className="headline">
        <span data-price-of={product.id}>
          <HeadlinePrice product={product} variants={product.variants ?? []} chosenSku={chosen?.sku} />
        </span>
        {sold > 0 ? (
          <span className="sold" data-sold={sold}>
            已售 {sold.toLocaleString('zh-CN')} 件
          </span>
        ) : null}
      </p>
      <h1>{product.title}</h1>
      <FlashSaleBadge saleStartsAt={product.saleStartsAt} limitPerBuyer={product.limitPerBuyer} now={renderedAt} />
      {brand ? <ShopPromises policy={brand.shopPolicy} /> : null}
      {brand && face ? <ShopHeader brand={brand} face={face} /> : null}
      {product.sellingPoints?.length ? (
        <ul className="points">
          {product.sellingPoints.map((p) => (
            <li key={p.id ?? p.text}>{p.text}</li>
          ))}
        </ul>
      ) : null}
      {product.description ? <p>{product.description}</p> : null}
      {face ? <ServiceNotes face={face} /> : null}
      <SharePoster slug={product.slug} sku={sku} />
      <BuyForm
        productId={product.id}
        slug={product.slug}
        stock={product.stock}
        price={product.price}
        variants={variants}
        sku={chosen?.sku}
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
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{
          __html: jsonLdScript(
            productJsonLd(product, {
              url: `${defaultOrigin()}/p/${product.slug}`,
              images: images.map((i) => new URL(i.url, defaultOrigin()).toString()),
              brandName: brand?.name,
            }),
          ),
        }}
      />
      <TrackView type="landing_view" product={product.id} />
      <WechatShare {...shareData(product)} />
    </article>
  )
}
