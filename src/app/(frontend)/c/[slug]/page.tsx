import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import { ProductTile } from '@/components/web/ProductTile'
import { landingHref } from '@/blocks/attribution'
import type { Brand } from '@/payload-types'
import { latestArticlesOfBrand, productsOfBrand, publishedCommunity } from '@/queries/published'
import { mediaAt } from '@/utilities/mediaUrl'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const community = await publishedCommunity((await params).slug)
  return community ? { title: community.name, description: community.intro ?? undefined } : {}
}

export default async function CommunityPage({ params }: Props) {
  const community = await publishedCommunity((await params).slug)
  if (!community) notFound()
  const brand = community.brand as Brand | string
  const brandId = typeof brand === 'object' ? brand.id : brand
  const [articles, products] = await Promise.all([latestArticlesOfBrand(brandId), productsOfBrand(brandId, 4)])
  const cover = mediaAt(community.cover, 'hero')
  return (
    <article>
      {cover ? <img src={cover.url} width={cover.width} height={cover.height} alt={cover.alt} /> : null}
      <h1>{community.name}</h1>
      {typeof brand === 'object' ? <p className="brand-line">{brand.name} · 粉丝社区</p> : null}
      {community.intro ? <p>{community.intro}</p> : null}
      <h2 className="section-title">最新文章</h2>
      <ul className="list">
        {articles.map((a) => (
          <li key={a.id}><Link href={`/a/${a.slug}`}>{a.title}</Link></li>
        ))}
      </ul>
      <h2 className="section-title">精选好物</h2>
      <div className="product-grid">
        {products.map((p) => (
          <ProductTile key={p.id} product={p} layout="small" href={landingHref(p.slug)} />
        ))}
      </div>
    </article>
  )
}
