import type { CollectionAfterChangeHook } from 'payload'

import { revalidatePages } from '@/platform/pageSignals'

/** On-demand revalidation of the cached landing page when its product changes, on every instance (src/platform/pageSignals). */
export const revalidateProductPage: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (req.context?.disableRevalidate) return doc
  await revalidatePages(
    req.payload,
    [doc?.slug, previousDoc?.slug].filter(Boolean).map((slug) => `/p/${slug}`),
  )
  return doc
}
