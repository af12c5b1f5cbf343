import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { revalidatePages } from '@/platform/pageSignals'
import { idOf } from '@/utilities/idOf'

type Landing = { slug?: string | null; variants?: { sku?: string | null }[] | null } | null | undefined

/** A product's cached landing pages: its own and one per SKU (src/platform/http/skuPages.ts). */
export const landingPagesOf = (product: Landing): string[] =>
  product?.slug ? [`/p/${product.slug}`, ...(product.variants ?? []).filter((v) => v.sku).map((v) => `/p/${product.slug}/s/${v.sku}`)] : []

/** The brand's shop home (/s/<brand-slug>), which lists its products. */
async function shopPageOf(req: PayloadRequest, brand: unknown): Promise<string[]> {
  const id = idOf(brand as string | { id: string } | null | undefined)
  if (!id) return []
  const doc = await req.payload.findByID({
    collection: 'brands',
    id: String(id),
    depth: 0,
    select: { slug: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return doc?.slug ? [`/s/${doc.slug}`] : []
}

/**
 * On-demand revalidation of the cached landing pages when their product changes, on every instance
 * (src/platform/pageSignals): before and after the change, so a renamed slug or a removed SKU drops its page too;
 * and the brand's shop home.
 */
export const revalidateProductPage: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (req.context?.disableRevalidate) return doc
  await revalidatePages(req.payload, [...landingPagesOf(doc), ...landingPagesOf(previousDoc), ...(await shopPageOf(req, doc.brand))])
  return doc
}
