import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { ShopSection } from '@/components/web/shop/ShopSection'
import { ShopTop } from '@/components/web/shop/ShopTop'
import { SEARCH_LIMIT, searchShop, shopBrand } from '@/queries/storefront'

// The shop's search and category pages (?q=, ?c=): rendered per query, at most SEARCH_LIMIT products.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string | string[]; c?: string | string[] }> }
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined)

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const brand = await shopBrand((await params).slug)
  const query = await searchParams
  const what = one(query.c) ?? one(query.q) ?? '搜索'
  return brand ? { title: { absolute: `${what} · ${brand.name}` }, robots: { index: false, follow: true } } : {}
}

export default async function ShopSearchPage({ params, searchParams }: Props) {
  const brand = await shopBrand((await params).slug)
  if (!brand) notFound()
  const query = await searchParams
  const q = one(query.q)?.trim()
  const category = one(query.c)?.trim()
  const results = await searchShop(brand.id, { q, category })
  // eslint-disable-next-line react-hooks/purity -- rendered per request: the render time is the input
  const now = Date.now()
  const title = category ? `分类：${category}` : `“${q ?? ''}”的搜索结果`
  return (
    <article className="shop-page">
      <ShopTop brand={brand} categories={[]} q={q} category={category} />
      {results.length ? (
        <>
          <ShopSection title={title} products={results} now={now} id="results" />
          {results.length === SEARCH_LIMIT ? <p className="block-missing">只显示前 {SEARCH_LIMIT} 件，换个关键词试试</p> : null}
        </>
      ) : (
        <p className="block-missing" role="status">
          {q || category ? '没有找到相关商品，换个关键词试试' : '输入商品名称搜索'}
        </p>
      )}
      <p>
        <a href={`/s/${encodeURIComponent(brand.slug)}`}>← 返回店铺首页</a>
      </p>
    </article>
  )
}
