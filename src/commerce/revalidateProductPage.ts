import type { CollectionAfterChangeHook } from 'payload'

/** On-demand revalidation of the cached landing page when its product changes (no-op outside Next, e.g. tests). */
export const revalidateProductPage: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (req.context?.disableRevalidate) return doc
  try {
    const { revalidatePath } = await import('next/cache')
    for (const slug of new Set([doc?.slug, previousDoc?.slug].filter(Boolean))) revalidatePath(`/p/${slug}`)
  } catch {
    // not running inside a Next.js request (CLI, seed, tests)
  }
  return doc
}
