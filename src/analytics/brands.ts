// Which brand an article or product belongs to, cached briefly: the beacon path must not hit the database
// once per event, and a browser must never choose the brand an event is counted for.
import type { Payload } from 'payload'

import { idOf } from '../access/roles'

type Entry = { brand: string | null; at: number }
const TTL_MS = 5 * 60_000
const MAX = 20_000
const cache = new Map<string, Entry>()

async function lookup(payload: Payload, collection: 'articles' | 'products', id: string): Promise<string | null> {
  const key = `${collection}:${id}`
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.brand
  let brand: string | null = null
  try {
    const doc = await payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true, select: { brand: true } as never })
    brand = idOf((doc as { brand?: unknown } | null)?.brand) ?? null
  } catch {
    brand = null
  }
  if (cache.size >= MAX) cache.clear()
  cache.set(key, { brand, at: Date.now() })
  return brand
}

export const brandOfArticle = (payload: Payload, id: string) => lookup(payload, 'articles', id)
export const brandOfProduct = (payload: Payload, id: string) => lookup(payload, 'products', id)

/** The brand of an event: the article's, else the product's. A product of another brand than the article is rejected. */
export async function resolveBrand(payload: Payload, event: { article?: string; product?: string }): Promise<string | null> {
  const [fromArticle, fromProduct] = await Promise.all([
    event.article ? brandOfArticle(payload, event.article) : Promise.resolve(null),
    event.product ? brandOfProduct(payload, event.product) : Promise.resolve(null),
  ])
  if (event.article && !fromArticle) return null
  if (event.product && !fromProduct) return null
  if (fromArticle && fromProduct && fromArticle !== fromProduct) return null
  return fromArticle ?? fromProduct
}

export function clearBrandCache(): void {
  cache.clear()
}
