// Engine-specific community primitives: bounded counters (event seats, coupon stock) and sequences (member
// numbers), and a flash-sale buyer's units (takeUpTo/giveBack, src/commerce/flashSale.ts). Only those modules call these. Each is ONE atomic database operation, so 200 readers racing
// for the last seat or coupon can never push a counter past its limit (same pattern as ./stock.ts).
//
// The counters live in their own table (`community-counters`, never edited through Payload) rather than on the
// event/coupon rows: Payload's update writes every column of the row it read, so an editor saving an event
// while readers sign up would otherwise write back a stale count and let the event over-fill.
import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { execute, greatest, type InRequest, list } from './relational'

type Lean<T> = { lean: () => Promise<T> }
type MongoModel = {
  updateOne: (filter: object, update: object, options?: object) => Promise<{ modifiedCount?: number; upsertedCount?: number }>
  findOneAndUpdate: (filter: object, update: object, options?: object) => Lean<Record<string, unknown> | null>
  find: (filter: object) => Lean<Record<string, unknown>[]>
}

export const COUNTERS_SLUG = 'community-counters'

const model = (payload: Payload) => (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[COUNTERS_SLUG]

export type CounterKind = 'event' | 'coupon' | 'members'
const assertPart = (part: string) => {
  if (typeof part !== 'string' || !part || part.length > 64) throw new RangeError('counters: ids must be non-empty strings (≤ 64)')
}
export const counterKey = (kind: CounterKind, id: string) => {
  assertPart(id)
  return `${kind}:${id}`
}
/** One reader's own counter for an event (seat) or a coupon (claims), limited by takeOneUpTo. */
export const readerCounterKey = (kind: 'event' | 'coupon', id: string, readerKey: string) => {
  assertPart(id)
  assertPart(readerKey)
  return `${kind}-reader:${id}:${readerKey}`
}

/**
 * Creates the counter or changes its limit, leaving `used` alone (an event's capacity was edited).
 * SQLite: INSERT … ON CONFLICT(key) DO UPDATE SET max; MongoDB: updateOne upsert with $set max / $setOnInsert used.
 */
export async function setLimit(payload: Payload, key: string, max: number, req?: InRequest): Promise<void> {
  if (!Number.isSafeInteger(max) || max < 0) throw new RangeError('counters: limit must be a whole number ≥ 0')
  const at = new Date()
  if (activeEngine() === 'mongodb') {
    await model(payload).updateOne({ key }, { $set: { max, updatedAt: at }, $setOnInsert: { used: 0, createdAt: at } }, { upsert: true })
    return
  }
  await execute(
    payload,
    sql`INSERT INTO community_counters (id, "key", used, "max", updated_at, created_at) VALUES (${crypto.randomUUID()}, ${key}, 0, ${max}, ${at.toISOString()}, ${at.toISOString()})
        ON CONFLICT("key") DO UPDATE SET "max" = excluded."max", updated_at = excluded.updated_at`,
    req,
  )
}

/**
 * Takes one unit (a seat, a coupon) if `used < max`; returns whether this call got it. No counter → false.
 * SQL: UPDATE … SET used = used + 1 WHERE key = ? AND used < max (check and increment in one statement).
 * MongoDB: updateOne({ key, $expr: { $lt: ['$used', '$max'] } }, { $inc: { used: 1 } }).
 */
export async function takeOne(payload: Payload, key: string): Promise<boolean> {
  if (activeEngine() === 'mongodb') {
    const result = await model(payload).updateOne({ key, $expr: { $lt: ['$used', '$max'] } }, { $inc: { used: 1 } })
    return (result.modifiedCount ?? 0) === 1
  }
  const result = await execute(payload, sql`UPDATE community_counters SET used = used + 1 WHERE "key" = ${key} AND used < "max"`)
  return result.rowsAffected === 1
}

/**
 * takeOne for counters created on first use (a reader's own per-event/per-coupon count): creates the counter at
 * 1, or increments it while `used < max` — takeUpTo for one unit.
 */
export async function takeOneUpTo(payload: Payload, key: string, max: number): Promise<boolean> {
  return takeUpTo(payload, key, 1, max)
}

/** Gives one unit back (compensation after a failed insert, a cancelled sign-up); never below zero. */
export async function giveBackOne(payload: Payload, key: string): Promise<boolean> {
  if (activeEngine() === 'mongodb') {
    const result = await model(payload).updateOne({ key, used: { $gt: 0 } }, { $inc: { used: -1 } })
    return (result.modifiedCount ?? 0) === 1
  }
  const result = await execute(payload, sql`UPDATE community_counters SET used = used - 1 WHERE "key" = ${key} AND used > 0`)
  return result.rowsAffected === 1
}

/**
 * takeOneUpTo for `quantity` units at once (a flash-sale buyer's units of one product, src/commerce/flashSale.ts):
 * creates the counter at `quantity`, or adds `quantity` while `used + quantity <= max`; all or nothing, returns
 * whether this call got them. One statement, so 50 parallel calls against max 2 (quantity 1) let exactly 2 through:
 * SQLite INSERT … ON CONFLICT DO UPDATE … WHERE used + excluded.used <= max; MongoDB
 * updateOne({ key, used: { $lte: max − quantity } }, $inc, { upsert }) where a counter without room makes the upsert
 * hit the unique key (E11000) → false. `quantity > max` is refused without touching the database.
 */
export async function takeUpTo(payload: Payload, key: string, quantity: number, max: number): Promise<boolean> {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError('counters: quantity must be a whole number ≥ 1')
  if (!Number.isSafeInteger(max) || max < 1 || quantity > max) return false
  const at = new Date()
  if (activeEngine() === 'mongodb') {
    try {
      const r = await model(payload).updateOne(
        { key, used: { $lte: max - quantity } },
        { $inc: { used: quantity }, $set: { max, updatedAt: at }, $setOnInsert: { createdAt: at } },
        { upsert: true },
      )
      return (r.modifiedCount ?? 0) + (r.upsertedCount ?? 0) === 1
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false
      throw error
    }
  }
  const result = await execute(
    payload,
    sql`INSERT INTO community_counters (id, "key", used, "max", updated_at, created_at) VALUES (${crypto.randomUUID()}, ${key}, ${quantity}, ${max}, ${at.toISOString()}, ${at.toISOString()})
        ON CONFLICT("key") DO UPDATE SET used = community_counters.used + excluded.used, "max" = excluded."max", updated_at = excluded.updated_at
        WHERE community_counters.used + excluded.used <= excluded."max"`,
  )
  return result.rowsAffected === 1
}

/**
 * Gives `quantity` units back (what takeUpTo took: a failed checkout, an unpaid order cancelled); never below zero.
 * SQLite: one UPDATE … SET used = MAX(used − n, 0); MongoDB: $inc −n while used ≥ n, else (a counter that somehow
 * holds fewer) sets it to 0 — each step one atomic update. Returns whether the counter changed.
 */
export async function giveBack(payload: Payload, key: string, quantity: number): Promise<boolean> {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError('counters: quantity must be a whole number ≥ 1')
  const at = new Date()
  if (activeEngine() === 'mongodb') {
    const result = await model(payload).updateOne({ key, used: { $gte: quantity } }, { $inc: { used: -quantity }, $set: { updatedAt: at } })
    if ((result.modifiedCount ?? 0) === 1) return true
    const clamped = await model(payload).updateOne({ key, used: { $gt: 0, $lt: quantity } }, { $set: { used: 0, updatedAt: at } })
    return (clamped.modifiedCount ?? 0) === 1
  }
  const result = await execute(
    payload,
    sql`UPDATE community_counters SET used = ${greatest(sql`community_counters.used - ${quantity}`, sql`0`)}, updated_at = ${at.toISOString()} WHERE "key" = ${key} AND used > 0`,
  )
  return result.rowsAffected === 1
}

/**
 * The next number of a sequence (1, 2, 3, …), e.g. a community's member numbers: creates the counter at 1 or
 * increments it and returns the new value in one statement, so two callers never get the same number.
 */
export async function nextInSequence(payload: Payload, key: string): Promise<number> {
  const at = new Date()
  if (activeEngine() === 'mongodb') {
    const doc = await model(payload)
      .findOneAndUpdate({ key }, { $inc: { used: 1 }, $set: { updatedAt: at }, $setOnInsert: { max: 0, createdAt: at } }, { upsert: true, new: true })
      .lean()
    return Number(doc?.used)
  }
  const result = await execute(
    payload,
    sql`INSERT INTO community_counters (id, "key", used, "max", updated_at, created_at) VALUES (${crypto.randomUUID()}, ${key}, 1, 0, ${at.toISOString()}, ${at.toISOString()})
        ON CONFLICT("key") DO UPDATE SET used = community_counters.used + 1, updated_at = excluded.updated_at RETURNING used`,
  )
  return Number((result.rows[0] as { used?: unknown } | undefined)?.used)
}

export type CounterValue = { used: number; max: number }

/**
 * Current values straight from the database, by key; keys without a counter are absent from the map. A hook passes
 * its `req`, so on PostgreSQL the read joins the request's transaction (./relational.ts, `execute`).
 */
export async function readCounters(payload: Payload, keys: string[], req?: InRequest): Promise<Map<string, CounterValue>> {
  const out = new Map<string, CounterValue>()
  if (!keys.length) return out
  if (activeEngine() === 'mongodb') {
    for (const d of await model(payload)
      .find({ key: { $in: keys } })
      .lean())
      out.set(String(d.key), { used: Number(d.used ?? 0), max: Number(d.max ?? 0) })
    return out
  }
  const result = await execute(payload, sql`SELECT "key", used, "max" FROM community_counters WHERE "key" IN (${list(keys)})`, req)
  for (const row of result.rows) {
    const r = row as { key: unknown; used: unknown; max: unknown }
    out.set(String(r.key), { used: Number(r.used), max: Number(r.max) })
  }
  return out
}

export async function readCounter(payload: Payload, key: string, req?: InRequest): Promise<CounterValue | null> {
  return (await readCounters(payload, [key], req)).get(key) ?? null
}

/**
 * Moves a coupon claim between `claimed` and `used` only if it still is in `from` (and, when releasing, still
 * belongs to that order); returns whether this call won. Two checkouts using the same claim: one wins.
 */
export async function compareAndSetClaim(
  payload: Payload,
  claimId: string,
  from: 'claimed' | 'used',
  to: 'claimed' | 'used',
  orderRef: string,
): Promise<boolean> {
  const at = new Date()
  const setUsed = to === 'used'
  if (activeEngine() === 'mongodb') {
    const claims = (payload.db as unknown as { collections: Record<string, MongoModel> }).collections['coupon-claims']
    const filter = { _id: claimId, status: from, ...(from === 'used' ? { orderRef } : {}) }
    const update = setUsed
      ? { $set: { status: to, orderRef, usedAt: at, updatedAt: at } }
      : { $set: { status: to, updatedAt: at }, $unset: { orderRef: '', usedAt: '' } }
    return ((await claims.updateOne(filter, update)).modifiedCount ?? 0) === 1
  }
  const result = setUsed
    ? await execute(
        payload,
        sql`UPDATE coupon_claims SET status = ${to}, order_ref = ${orderRef}, used_at = ${at.toISOString()}, updated_at = ${at.toISOString()} WHERE id = ${claimId} AND status = ${from}`,
      )
    : await execute(
        payload,
        sql`UPDATE coupon_claims SET status = ${to}, order_ref = NULL, used_at = NULL, updated_at = ${at.toISOString()} WHERE id = ${claimId} AND status = ${from} AND order_ref = ${orderRef}`,
      )
  return result.rowsAffected === 1
}
