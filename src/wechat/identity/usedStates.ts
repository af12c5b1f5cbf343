import type { Payload } from 'payload'

import type { UsedStateStore } from '../web'

let calls = 0

/** Single-use registry in the database: the unique index on `nonce` makes the first writer win, on every server. */
export function createDbUsedStateStore(payload: Payload, now: () => number = Date.now): UsedStateStore {
  return {
    async markUsed(id, expiresAtMs) {
      if (++calls % 200 === 0) {
        await payload.db.deleteMany({ collection: 'oauth-nonces', where: { expiresAt: { less_than: new Date(now()).toISOString() } } }).catch(() => undefined)
      }
      const existing = await payload.db.count({ collection: 'oauth-nonces', where: { nonce: { equals: id } } })
      if (existing.totalDocs > 0) return false
      try {
        await payload.db.create({ collection: 'oauth-nonces', data: { nonce: id, expiresAt: new Date(expiresAtMs).toISOString() } })
        return true
      } catch {
        return false // lost the race on the unique index
      }
    },
  }
}
