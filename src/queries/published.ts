import type { Article, Community, Product } from '../payload-types'
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
