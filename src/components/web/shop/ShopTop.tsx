import React from 'react'

import type { ShopBrand } from '@/queries/storefront'

import { BrandMark } from '../product/BrandMark'

/** The shop's top: the brand, a search box (a plain GET form) and its categories. */
export function ShopTop({ brand, categories, q, category }: { brand: ShopBrand; categories: string[]; q?: string; category?: string }) {
  const base = `/s/${encodeURIComponent(brand.slug)}`
  return (
    <header className="shop-top">
      <a className="shop-top__brand" href={base}>
        <BrandMark name={brand.name} logo={brand.logo} size={40} />
        <span>{brand.name}</span>
      </a>
      <form className="shop-search" method="get" action={`${base}/search`} role="search">
        <input type="search" name="q" defaultValue={q} maxLength={30} placeholder="搜索本店商品" aria-label="搜索本店商品" />
        <button type="submit">搜索</button>
      </form>
      {categories.length ? (
        <nav className="shop-categories" aria-label="分类">
          {categories.map((c) => (
            <a key={c} href={`${base}/search?c=${encodeURIComponent(c)}`} aria-current={c === category ? 'page' : undefined}>
              {c}
            </a>
          ))}
        </nav>
      ) : null}
    </header>
  )
}
