// The sale times of a published product by slug, for the /clock and /start routes: one small read (two columns),
// remembered for a few seconds so a crowd waiting for a 秒杀 costs the database one read per product per interval.
import { instantOf } from '@/platform/beijingTime'
import { publicPayload } from '@/queries/publicPayload'

export type SaleOfSlug = { id: string; startsAtMs: number | null }

const TTL_MS = 2_000
const MAX_ENTRIES = 500
const recent = new Map<string, { at: number; value: SaleOfSlug | null }>()

export async function saleOfSlug(slug: string, now = Date.now()): Promise<SaleOfSlug | null> {
  if (!slug || slug.length > 120) return null
  const hit = recent.get(slug)
  if (hit && now - hit.at < TTL_MS) return hit.value
  const payload = await publicPayload()
  // As an anonymous visitor: drafts are not found, exactly like the page.
  const { docs } = await payload.find({
    collection: 'products',
    where: { slug: { equals: slug } },
    select: { saleStartsAt: true },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    pagination: false,
  })
  const doc = docs[0] as { id: string; saleStartsAt?: string | null } | undefined
  const value = doc ? { id: String(doc.id), startsAtMs: instantOf(doc.saleStartsAt) } : null
  if (recent.size >= MAX_ENTRIES) recent.clear()
  recent.set(slug, { at: now, value })
  return value
}
