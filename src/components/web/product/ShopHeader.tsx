import React from 'react'

import type { PublicBrand, ShopFace } from '@/queries/published'

import { BrandMark } from './BrandMark'

/** Whose shop this is: the brand's logo and name, and the ways to its community and its shop home. */
export function ShopHeader({ brand, face }: { brand: PublicBrand; face: ShopFace }) {
  return (
    <header className="shop-header" data-shop-header>
      <BrandMark name={brand.name} logo={brand.logo} />
      <span className="shop-header__name">{brand.name}</span>
      {face.communitySlug ? <a href={`/c/${encodeURIComponent(face.communitySlug)}`}>品牌社区</a> : null}
      <a href={`/s/${encodeURIComponent(brand.slug)}`}>进店逛逛 ›</a>
    </header>
  )
}
