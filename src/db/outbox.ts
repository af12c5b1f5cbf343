// Engine-specific outbox primitives. `outboxInsert` is a statement to put in the SAME transaction as the change a
// side effect follows (see ./orderPlacement.ts), so either both happen or neither; the claim is one atomic update
// per batch (SQLite) or per row (MongoDB), so two processors never take the same message.
import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { mongoModel } from './mongo'
import { execute, json, list, skipLocked } from './relational'

type SQL = ReturnType<typeof sql>
type MongoModel = {
  insertMany: (docs: object[], options?: object) => Promise<unknown>
  findOneAndUpdate: (filter: object, update: object, options?: object) => { lean: () => Promise<Record<string, unknown> | null> }
  updateMany: (filter: object, update: object) => Promise<unknown>
  updateOne: (filter: object, update: object) => Promise<unknown>
  countDocuments: (filter: object) => Promise<number>
}

export const OUTBOX_SLUG = 'outbox'
export const outboxModel = (payload: Payload) => mongoModel<MongoModel>(payload, OUTBOX_SLUG)

export type OutboxMessage = { topic: string; data: Record<string, unknown>; availableAt?: number }
export type ClaimedMessage = { id: string; topic: string; data: Record<string, unknown>; attempts: number }

const iso = (ms: number) => new Date(ms).toISOString()

/** The INSERT of one message; with a `guard` (SQLite), written only when it holds (e.g. the order row of the same batch exists). */
export function outboxInsertSql(message: OutboxMessage, now: number, guard?: SQL): SQL {
  const at = iso(now)
  const values = sql`${crypto.randomUUID()}, ${message.topic}, ${JSON.stringify(message.data)}, ${iso(message.availableAt ?? now)}, 0, ${at}, ${at}`
  // The guarded form is SQLite's (an order batch writes the message only if the order row exists). Without a guard,
  // VALUES: PostgreSQL types VALUES parameters by their columns (a SELECT list would give text for the jsonb).
  return guard
    ? sql`INSERT INTO outbox (id, topic, data, available_at, attempts, updated_at, created_at) SELECT ${values} WHERE ${guard}`
    : sql`INSERT INTO outbox (id, topic, data, available_at, attempts, updated_at, created_at) VALUES (${values})`
}

/** A MongoDB outbox document for insertMany inside the caller's transaction. */
export const outboxDocument = (message: OutboxMessage, now: number) => ({
  topic: message.topic,
  data: message.data,
  availableAt: new Date(message.availableAt ?? now),
  attempts: 0,
  createdAt: new Date(now),
  updatedAt: new Date(now),
})

/** Writes messages on their own (side effects of work that has no transaction of its own to share). */
export async function enqueueOutbox(payload: Payload, messages: OutboxMessage[], now = Date.now()): Promise<void> {
  if (!messages.length) return
  if (activeEngine() === 'mongodb') {
    await outboxModel(payload).insertMany(messages.map((m) => outboxDocument(m, now)))
    return
  }
  for (const m of messages) await execute(payload, outboxInsertSql(m, now))
}

/**
 * Leases up to `limit` messages that are due and not leased (or whose lease ran out: a processor that died).
 * SQL: one UPDATE … WHERE id IN (SELECT … LIMIT n [FOR UPDATE SKIP LOCKED]) RETURNING. MongoDB: findOneAndUpdate per message.
 */
export async function claimOutbox(payload: Payload, options: { limit: number; leaseMs: number; now?: number }): Promise<ClaimedMessage[]> {
  const now = options.now ?? Date.now()
  const until = iso(now + options.leaseMs)
  const due = sql`done_at IS NULL AND available_at <= ${iso(now)} AND (claimed_until IS NULL OR claimed_until < ${iso(now)})`
  if (activeEngine() === 'mongodb') {
    const out: ClaimedMessage[] = []
    for (let i = 0; i < options.limit; i++) {
      const doc = await outboxModel(payload)
        .findOneAndUpdate(
          { doneAt: null, availableAt: { $lte: new Date(now) }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: new Date(now) } }] },
          { $set: { claimedUntil: new Date(until) }, $inc: { attempts: 1 } },
          { sort: { availableAt: 1 }, new: true },
        )
        .lean()
      if (!doc) break
      out.push({ id: String(doc._id), topic: String(doc.topic), data: (doc.data ?? {}) as Record<string, unknown>, attempts: Number(doc.attempts) })
    }
    return out
  }
  const result = await execute(
    payload,
    // The outer condition repeats the inner one: PostgreSQL re-checks it on a row another claimer just changed.
    sql`UPDATE outbox SET claimed_until = ${until}, attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox WHERE ${due} ORDER BY available_at LIMIT ${options.limit}${skipLocked()}) AND ${due}
        RETURNING id, topic, data, attempts`,
  )
  return result.rows.map((r) => ({ id: String(r.id), topic: String(r.topic), data: json(r.data, {}), attempts: Number(r.attempts) }))
}

export async function completeOutbox(payload: Payload, ids: string[], now = Date.now()): Promise<void> {
  if (!ids.length) return
  if (activeEngine() === 'mongodb') {
    await outboxModel(payload).updateMany({ _id: { $in: ids } }, { $set: { doneAt: new Date(now), claimedUntil: null } })
    return
  }
  await execute(payload, sql`UPDATE outbox SET done_at = ${iso(now)}, claimed_until = NULL WHERE id IN (${list(ids)})`)
}

/** Puts a message back for a later attempt (or, with `retryAt` null, gives up on it: done, with the error kept). */
export async function failOutbox(payload: Payload, id: string, error: string, retryAt: number | null, now = Date.now()): Promise<void> {
  const message = error.slice(0, 500)
  if (activeEngine() === 'mongodb') {
    const set =
      retryAt === null
        ? { doneAt: new Date(now), lastError: message, claimedUntil: null }
        : { availableAt: new Date(retryAt), lastError: message, claimedUntil: null }
    await outboxModel(payload).updateOne({ _id: id }, { $set: set })
    return
  }
  if (retryAt === null) await execute(payload, sql`UPDATE outbox SET done_at = ${iso(now)}, last_error = ${message}, claimed_until = NULL WHERE id = ${id}`)
  else await execute(payload, sql`UPDATE outbox SET available_at = ${iso(retryAt)}, last_error = ${message}, claimed_until = NULL WHERE id = ${id}`)
}

/** Messages not yet done (tests and the operator's health view). */
export async function pendingOutboxCount(payload: Payload): Promise<number> {
  if (activeEngine() === 'mongodb') return outboxModel(payload).countDocuments({ doneAt: null })
  const result = await execute(payload, sql`SELECT COUNT(*) AS n FROM outbox WHERE done_at IS NULL`)
  return Number((result.rows[0] as { n?: unknown } | undefined)?.n ?? 0)
}
