import type { CollectionAfterChangeHook } from 'payload'

import { armSaleStart } from '../../../commerce/flashSaleCache'
import { instantOf } from '../../../platform/beijingTime'

/**
 * 秒杀: a published product whose sale starts later gets its cached landing pages scheduled to expire exactly at the
 * start (src/commerce/flashSaleCache.ts), so the first reader after it gets a fresh, buyable page. No-op outside Next.
 */
export const scheduleSaleStart: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (req.context?.disableRevalidate) return doc
  const startsAt = instantOf(doc?.saleStartsAt)
  if (doc?.status === 'published' && startsAt !== null) await armSaleStart(String(doc.id), startsAt)
  return doc
}
