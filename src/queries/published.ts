import { cache } from 'react'

import type { Article, Brand, Community, Media, Product } from '../payload-types'
import { publicPayload } from './publicPayload'

// Public pages read as an anonymous visitor (overrideAccess: false), so the same access predicates
// that guard the REST API decide what is public: drafts and unknown slugs simply are not found.

export async function publishedArticle(slug: string): Promise<Article | null> {
  const payload = await publicPayload()
  const { docs } = await payload.find({ collection: 'articles', where: { slug: { equals: slug } }, limit: 1, depth: 2, overrideAccess: false, draft: false })
  return docs[0] ?? null
}

export async function publishedProduct(slug: string): Promise<Product | null> {
  const payload = await publicPayload()
  const { docs } = await payload.find({ collection: 'products', where: { slug: { equals: slug } }, limit: 1, depth: 1, overrideAccess: false })
  return docs[0] ?? null
}

export async function publishedCommunity(slug: string): Promise<Community | null> {
  const payload = await publicPayload()
  const { docs } = await payload.find({ collection: 'communities', where: { slug: { equals: slug } }, limit: 1, depth: 1, overrideAccess: false })
  return docs[0] ?? null
}

export async function latestArticlesOfBrand(brandId: string, limit = 5): Promise<Article[]> {
  const payload = await publicPayload()
  const { docs } = await payload.find({
    collection: 'articles',
    where: { brand: { equals: brandId } },
    sort: '-createdAt',
    limit,
    depth: 1,
    overrideAccess: false,
    draft: false,
  })
  return docs
}

export async function productsOfBrand(brandId: string, limit = 6): Promise<Product[]> {
  const payload = await publicPayload()
  const { docs } = await payload.find({
    collection: 'products',
    where: { brand: { equals: brandId } },
    sort: '-createdAt',
    limit,
    depth: 1,
    overrideAccess: false,
  })
  return docs
}

/** What any reader may see of a brand: its name and slug (the rest of a brand's settings stay private). */
export type PublicBrand = Pick<Brand, 'id' | 'name' | 'slug' | 'shopPolicy'> & { logo: Media | null }

/** The fields of a brand its public pages show. */
export const publicFace = (brand: Brand): PublicBrand => ({
  id: brand.id,
  name: brand.name,
  slug: brand.slug,
  shopPolicy: brand.shopPolicy,
  logo: brand.logo && typeof brand.logo === 'object' ? brand.logo : null,
})

/** The public face of the brand a published document belongs to (its id or the populated brand), or null. */
// Cached per request (React's cache): a page's metadata and its body ask for the same brand.
export const publicBrand = cache(async function publicBrand(brand: Brand | string | null | undefined): Promise<PublicBrand | null> {
  if (!brand) return null
  if (typeof brand === 'object') return publicFace(brand)
  const payload = await publicPayload()
  // Brands are readable by their members only; this reads the fields a public page shows, nothing else.
  const doc = await payload.findByID({
    collection: 'brands',
    id: brand,
    depth: 1,
    select: { name: true, slug: true, logo: true, shopPolicy: true },
    overrideAccess: true,
    disableErrors: true,
  })
  return doc ? publicFace(doc as Brand) : null
})

/** What a product page shows of its shop besides the brand's own face: its community (社区, 客服) and its Official Account's name. */
export type ShopFace = { communitySlug: string | null; officialAccount: string | null }

// Cached per request, like publicBrand. Accounts are readable by their brand's members only: this reads the name.
export const shopFace = cache(async function shopFace(brandId: string): Promise<ShopFace> {
  const payload = await publicPayload()
  const [community, account] = await Promise.all([
    payload.find({
      collection: 'communities',
      where: { brand: { equals: brandId } },
      sort: 'createdAt',
      limit: 1,
      depth: 0,
      select: { slug: true },
      overrideAccess: false,
    }),
    payload.find({ collection: 'wechat-accounts', where: { brand: { equals: brandId } }, limit: 1, depth: 0, select: { name: true }, overrideAccess: true }),
  ])
  return { communitySlug: community.docs[0]?.slug ?? null, officialAccount: account.docs[0]?.name ?? null }
})
