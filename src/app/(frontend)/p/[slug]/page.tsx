import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { Price } from '@/components/web/Price'
import { StockState } from '@/components/web/StockState'
import type { Brand, Media } from '@/payload-types'
import { publishedProduct } from '@/queries/published'
import { mediaAt } from '@/utilities/mediaUrl'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await publishedProduct((await params).slug)
  if (!product) return {}
  const image = mediaAt(product.images?.[0], 'card')
  const description = product.sellingPoints?.map((p) => p.text).join(' · ')
  return { title: product.title, description, openGraph: { title: product.title, description, images: image ? [image.url] : [] } }
}

export default async function ProductPage({ params }: Props) {
  const product = await publishedProduct((await params).slug)
  if (!product) notFound()
  const brand = product.brand as Brand | string
  const images = (product.images ?? []).map((m) => mediaAt(m as Media, 'card')).filter((m) => m !== null)
  return (
    <article>
      {images.length ? (
        <div className="gallery">
          {images.map((img, i) => (
            <img key={img.url} src={img.url} width={img.width} height={img.height} alt={img.alt} loading={i === 0 ? 'eager' : 'lazy'} />
          ))}
        </div>
      ) : null}
      <Price price={product.price} compareAtPrice={product.compareAtPrice} />
      <h1>{product.title}</h1>
      {typeof brand === 'object' ? <p className="brand-line">{brand.name}</p> : null}
      {product.sellingPoints?.length ? (
        <ul className="points">
          {product.sellingPoints.map((p) => (
            <li key={p.id ?? p.text}>{p.text}</li>
          ))}
        </ul>
      ) : null}
      {product.description ? <p>{product.description}</p> : null}
      <div className="buy-bar">
        <StockState stock={product.stock} />
        <button type="button" disabled={product.stock <= 0}>
          {product.stock <= 0 ? '已售罄' : '立即购买'}
        </button>
      </div>
    </article>
  )
}
