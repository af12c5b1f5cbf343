import type { CollectionAfterChangeHook } from 'payload'

import { revalidatePages } from '@/platform/pageSignals'

type Landing = { slug?: string | null; variants?: { sku?: string | null }[] | null } | null | undefined

/** A product's cached landing pages: its own and one per SKU (src/platform/http/skuPages.ts). */
export const landingPagesOf = (product: Landing): string[] =>
  product?.slug ? [`/p/${product.slug}`, ...(product.variants ?? []).filter((v) => v.sku).map((v) => `/p/${product.slug}/s/${v.sku}`)] : []

/**
 * On-demand revalidation of the cached landing pages when their product changes, on every instance
 * (src/platform/pageSignals): before and after the change, so a renamed slug or a removed SKU drops its page too.
 */
export const revalidateProductPage: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (req.context?.disableRevalidate) return doc
  await revalidatePages(req.payload, [...landingPagesOf(doc), ...landingPagesOf(previousDoc)])
  return doc
}
