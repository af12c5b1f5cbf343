// The shop home (货架, /s/<brand-slug>) and its search: the brand's published products only (read as an anonymous
// visitor, like every public page), each list bounded.
import type { Where } from 'payload'
import { cache } from 'react'

import type { Brand, Product } from '../payload-types'
import { idOf } from '../utilities/idOf'
import { publicPayload } from './publicPayload'
import { type PublicBrand, publicFace } from './published'

export const SECTION_SIZE = 6
export const SEARCH_LIMIT = 40
const CATEGORY_SAMPLE = 200

export type ShopBrand = PublicBrand & Pick<Brand, 'shelves'>
export type Shelf = { title: string; products: Product[] }
export type Storefront = { shelves: Shelf[]; flash: Product[]; fresh: Product[]; categories: string[] }

/** The brand by its slug, with the few fields its shop shows (brands are readable by their members only). */
export const shopBrand = cache(async function shopBrand(slug: string): Promise<ShopBrand | null> {
  const payload = await publicPayload()
  const { docs } = await payload.find({
    collection: 'brands',
    where: { slug: { equals: slug } },
    limit: 1,
    // No `select`: selecting `shelves` leaves its relationship empty. A brand document is small.
    depth: 1,
    overrideAccess: true,
  })
  const brand = docs[0]
  if (!brand) return null
  return { ...publicFace(brand), shelves: brand.shelves }
})

const published = async (brandId: string, options: { where?: Where; sort?: string; limit: number }) => {
  const payload = await publicPayload()
  const { docs } = await payload.find({
    collection: 'products',
    where: { and: [{ brand: { equals: brandId } }, ...(options.where ? [options.where] : [])] },
    sort: options.sort ?? '-createdAt',
    limit: options.limit,
    depth: 1,
    overrideAccess: false,
  })
  return docs
}

/** The shop home: the brand's shelves in its order, its 秒杀 (the latest sales first), its newest products and its categories. */
export async function storefront(brand: ShopBrand): Promise<Storefront> {
  const shelfIds = [...new Set((brand.shelves ?? []).flatMap((s) => (s.products ?? []).map((p) => String(idOf(p)))))]
  const [onShelves, flash, fresh, sample] = await Promise.all([
    shelfIds.length ? published(brand.id, { where: { id: { in: shelfIds } }, limit: shelfIds.length }) : Promise.resolve([]),
    published(brand.id, { where: { saleStartsAt: { exists: true } }, sort: '-saleStartsAt', limit: SECTION_SIZE }),
    published(brand.id, { limit: SECTION_SIZE }),
    categorySample(brand.id),
  ])
  const byId = new Map(onShelves.map((p) => [String(p.id), p]))
  const shelves = (brand.shelves ?? [])
    .map((s) => ({ title: s.title, products: (s.products ?? []).flatMap((p) => byId.get(String(idOf(p))) ?? []) }))
    .filter((s) => s.products.length)
  return { shelves, flash, fresh, categories: sample }
}

/** The brand's categories, most products first (from its newest products: a bounded read). */
async function categorySample(brandId: string): Promise<string[]> {
  const payload = await publicPayload()
  const { docs } = await payload.find({
    collection: 'products',
    where: { and: [{ brand: { equals: brandId } }, { category: { exists: true } }] },
    sort: '-createdAt',
    limit: CATEGORY_SAMPLE,
    depth: 0,
    select: { category: true },
    overrideAccess: false,
  })
  const counts = new Map<string, number>()
  for (const { category } of docs) if (category?.trim()) counts.set(category.trim(), (counts.get(category.trim()) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name)
}

/** The shop's search: title containing `q` and/or category `category`; at most SEARCH_LIMIT, newest first. */
export async function searchShop(brandId: string, query: { q?: string; category?: string }): Promise<Product[]> {
  const q = query.q?.trim().slice(0, 30)
  const category = query.category?.trim().slice(0, 12)
  if (!q && !category) return []
  const where: Where = { and: [] }
  if (q) where.and!.push({ title: { like: q } })
  if (category) where.and!.push({ category: { equals: category } })
  return published(brandId, { where, limit: SEARCH_LIMIT })
}
