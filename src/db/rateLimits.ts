// Engine-specific abuse-limit counters: fixed windows keyed `<key>@<window start>`, each hit ONE atomic upsert
// that returns the new count, so concurrent requests on any number of app instances never slip under a limit.
// Only src/platform/limits/ calls these.
import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { execute } from './relational'

type MongoModel = {
  findOneAndUpdate: (filter: object, update: object, options?: object) => { lean: () => Promise<Record<string, unknown> | null> }
  deleteMany: (filter: object) => Promise<unknown>
}

export const RATE_LIMITS_SLUG = 'rate-limits'
const model = (payload: Payload) => (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[RATE_LIMITS_SLUG]

export type WindowHit = { count: number; resetAt: number }

const windowOf = (windowMs: number, now: number) => {
  const start = Math.floor(now / windowMs) * windowMs
  return { start, resetAt: start + windowMs }
}

/**
 * Adds `delta` (default 1; -1 gives one back) to the counter of `key` in the current window and returns the count
 * after it. SQLite: INSERT … ON CONFLICT(key) DO UPDATE SET count = count + delta RETURNING count.
 * MongoDB: findOneAndUpdate({ key }, { $inc }, { upsert, new }).
 */
export async function hitWindow(payload: Payload, key: string, windowMs: number, options: { now?: number; delta?: number } = {}): Promise<WindowHit> {
  if (!key || key.length > 300) throw new RangeError('rate limits: key must be 1–300 characters')
  if (!Number.isSafeInteger(windowMs) || windowMs < 1000) throw new RangeError('rate limits: window must be ≥ 1 s')
  const now = options.now ?? Date.now()
  const delta = options.delta ?? 1
  const { start, resetAt } = windowOf(windowMs, now)
  const rowKey = `${key}@${start}`
  const expiresAt = new Date(resetAt).toISOString()
  await maybePrune(payload, now)
  if (activeEngine() === 'mongodb') {
    const doc = await model(payload)
      .findOneAndUpdate({ key: rowKey }, { $inc: { count: delta }, $setOnInsert: { expiresAt: new Date(resetAt) } }, { upsert: true, new: true })
      .lean()
    return { count: Number(doc?.count ?? delta), resetAt }
  }
  const result = await execute(
    payload,
    sql`INSERT INTO rate_limits (id, "key", "count", expires_at) VALUES (${crypto.randomUUID()}, ${rowKey}, ${delta}, ${expiresAt})
        ON CONFLICT("key") DO UPDATE SET "count" = rate_limits."count" + ${delta} RETURNING "count"`,
  )
  return { count: Number((result.rows[0] as { count?: unknown } | undefined)?.count ?? delta), resetAt }
}

let hits = 0
/** Every 500th hit deletes windows that ended, so the table holds only live windows. */
async function maybePrune(payload: Payload, now: number): Promise<void> {
  if (++hits % 500 !== 0) return
  await pruneRateLimits(payload, now).catch(() => undefined)
}

export async function pruneRateLimits(payload: Payload, now = Date.now()): Promise<void> {
  if (activeEngine() === 'mongodb') {
    await model(payload).deleteMany({ expiresAt: { $lt: new Date(now) } })
    return
  }
  await execute(payload, sql`DELETE FROM rate_limits WHERE expires_at < ${new Date(now).toISOString()}`)
}
