// The page signals' reads and writes: few rows (one per page change, pruned after minutes), read by every instance
// once a second through the createdAt index, so Payload's own adapter calls serve every engine.
import type { Payload } from 'payload'

export type PageSignal = { id: string; path: string; sender: string; createdAt: string }

export async function insertPageSignals(payload: Payload, paths: string[], sender: string): Promise<void> {
  for (const path of paths) await payload.db.create({ collection: 'page-signals', data: { path, sender } })
}

/** Signals of other instances created at or after `since` (oldest first, at most `limit`). */
export async function pageSignalsSince(payload: Payload, since: Date, sender: string, limit = 200): Promise<PageSignal[]> {
  const found = await payload.db.find<PageSignal>({
    collection: 'page-signals',
    where: { and: [{ createdAt: { greater_than_equal: since.toISOString() } }, { sender: { not_equals: sender } }] },
    sort: 'createdAt',
    limit,
    pagination: false,
  })
  return found.docs.map((d) => ({ id: String(d.id), path: d.path, sender: d.sender, createdAt: String(d.createdAt) }))
}

export async function prunePageSignals(payload: Payload, before: Date): Promise<void> {
  await payload.db.deleteMany({ collection: 'page-signals', where: { createdAt: { less_than: before.toISOString() } } })
}
