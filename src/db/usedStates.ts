// Single-use ids shared by every app instance on one database: spent OAuth `state` nonces, Official Account
// callback nonces (`oa-cb:<account>:<nonce>`) and processed callback messages (`oa-msg:<account>:<dedupeKey>`).
import type { Payload } from 'payload'

import type { UsedStateStore } from '../wechat/web'

const COLLECTION = 'oauth-nonces'

let calls = 0

export type DbUsedStateStore = UsedStateStore & {
  markUsed(id: string, expiresAtMs: number): Promise<boolean>
  /** Forgets `id`, so it can be marked again (work that was claimed but failed). */
  release(id: string): Promise<void>
}

/** Single-use registry in the database: the unique index on `nonce` makes the first writer win, on every server. */
export function createDbUsedStateStore(payload: Payload, now: () => number = Date.now): DbUsedStateStore {
  return {
    async markUsed(id, expiresAtMs) {
      if (++calls % 200 === 0) {
        await payload.db.deleteMany({ collection: COLLECTION, where: { expiresAt: { less_than: new Date(now()).toISOString() } } }).catch(() => undefined)
      }
      const existing = await payload.db.findOne<{ id: string; expiresAt: string | Date }>({ collection: COLLECTION, where: { nonce: { equals: id } } })
      if (existing && new Date(existing.expiresAt).getTime() >= now()) return false
      // An expired row not swept yet no longer counts: drop it so the unique index accepts the new one.
      if (existing) await payload.db.deleteOne({ collection: COLLECTION, where: { id: { equals: existing.id } } }).catch(() => undefined)
      try {
        await payload.db.create({ collection: COLLECTION, data: { nonce: id, expiresAt: new Date(expiresAtMs).toISOString() } })
        return true
      } catch {
        return false // lost the race on the unique index
      }
    },
    async release(id) {
      await payload.db.deleteMany({ collection: COLLECTION, where: { nonce: { equals: id } } })
    },
  }
}
