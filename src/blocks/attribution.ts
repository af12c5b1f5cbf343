/** Where a tap came from: the article and the index of the block in it (0-based, document order). */
export type Attribution = { article?: string; block?: number; sharer?: string }

/** A product's landing page, opened on `sku` when the block names one (src/proxy.ts serves it from its own cached page). */
export function landingHref(slug: string, attribution: Attribution = {}, sku?: string | null): string {
  const params = new URLSearchParams()
  if (sku) params.set('sku', sku)
  if (attribution.article) params.set('from', attribution.article)
  if (attribution.block !== undefined) params.set('b', String(attribution.block))
  if (attribution.sharer) params.set('sharer', attribution.sharer)
  const query = params.toString()
  return `/p/${encodeURIComponent(slug)}${query ? `?${query}` : ''}`
}
