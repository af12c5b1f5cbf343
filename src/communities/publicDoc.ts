import type { CollectionSlug, Payload } from 'payload'

/**
 * A document as the anonymous public may see it (access rules decide: published only), or null. Endpoints
 * act for readers, never for whoever is logged into the admin, so a brand's drafts can't be signed up to.
 * `select` keeps the hot path cheap (no virtual counters, no unused columns).
 */
export async function publicDoc<T>(payload: Payload, collection: CollectionSlug, id: string, select?: Record<string, true>): Promise<T | null> {
  if (typeof id !== 'string' || !id || id.length > 64) return null
  const { docs } = await payload.find({
    collection,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    pagination: false,
    ...(select ? { select: select as never } : {}),
  })
  return (docs[0] as T | undefined) ?? null
}
