import type { CollectionAfterChangeHook } from 'payload'

import { revalidatePages } from '@/platform/pageSignals'

/** The shop home (/s/<slug>) follows its brand's shelves, name and logo; a renamed slug drops the old page too. */
export const revalidateShop: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (req.context?.disableRevalidate) return doc
  const slugs = [...new Set([doc.slug, previousDoc?.slug].filter((s): s is string => typeof s === 'string' && !!s))]
  await revalidatePages(
    req.payload,
    slugs.map((s) => `/s/${s}`),
  )
  return doc
}
