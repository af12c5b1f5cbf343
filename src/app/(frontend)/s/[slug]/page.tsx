import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { ShopSection } from '@/components/web/shop/ShopSection'
import { ShopTop } from '@/components/web/shop/ShopTop'
import { shopBrand, storefront } from '@/queries/storefront'

// The brand's shop home (货架): its shelves as it arranged them in the admin (品牌 → 店铺货架), its 秒杀 and newest
// products, categories and a search box. Cached (ISR) like the product pages and revalidated when a product or the
// brand changes (src/commerce/revalidateProductPage.ts, src/collections/Brands/hooks/revalidateShop.ts).
export const revalidate = 300
export const dynamicParams = true
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const brand = await shopBrand((await params).slug)
  return brand ? { title: { absolute: `${brand.name} · 店铺首页` }, description: `${brand.name}的官方店铺` } : {}
}

export default async function ShopPage({ params }: Props) {
  const brand = await shopBrand((await params).slug)
  if (!brand) notFound()
  const shop = await storefront(brand)
  // eslint-disable-next-line react-hooks/purity -- a server component, rendered once per cache fill: the render time is the input
  const now = Date.now()
  const empty = !shop.flash.length && !shop.fresh.length && !shop.shelves.length
  return (
    <article className="shop-page">
      <ShopTop brand={brand} categories={shop.categories} />
      <ShopSection title="限时秒杀" products={shop.flash} now={now} id="flash" />
      {shop.shelves.map((s, i) => (
        <ShopSection key={`${i}-${s.title}`} title={s.title} products={s.products} now={now} />
      ))}
      <ShopSection title="新品上架" products={shop.fresh} now={now} id="new" />
      {empty ? <p className="block-missing">店铺还没有上架商品</p> : null}
    </article>
  )
}
