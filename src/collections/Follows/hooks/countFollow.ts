import type { CollectionAfterChangeHook } from 'payload'

import { recordEvent } from '@/analytics/record'
import type { Follow } from '@/payload-types'
import { idOf } from '@/utilities/idOf'

/** A new follower counts in the funnel (its rollups) on the day of the callback; idempotent per follow row. */
export const countFollow: CollectionAfterChangeHook<Follow> = async ({ doc, operation, req }) => {
  if (operation !== 'create' || doc.event !== 'subscribe') return doc
  const brand = idOf(doc.brand)
  if (brand) await recordEvent(req.payload, { type: 'follow', brand, article: idOf(doc.article), at: doc.at, dedupeKey: `follow:${doc.id}` })
  return doc
}
