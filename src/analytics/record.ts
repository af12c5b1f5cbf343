// Writing funnel events. Server modules call recordEvent (awaited, idempotent with a dedupeKey, never throws);
// the browser beacon only enqueues, and a background flush writes batches. Either way the raw rows and the
// rollups that count them are written in one transaction (src/db/funnelRollups.ts), so a burst of events costs
// the landing page nothing and the reports never read raw events.

import type { Payload } from 'payload'

import { writeFunnelEvents } from '@/db/funnelRollups'
import { timeOrderedId } from '@/db/ids'
import { beijingDay } from '@/platform/beijingTime'

import { resolveBrand } from './brands'
import type { FunnelRow } from './rollup'
import { CHANNEL_VALUES, EVENT_TYPE_VALUES, type FunnelEventInput } from './types'

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/

type Row = Omit<FunnelRow, 'id'>

/** Normalises an event; undefined when it cannot be counted (unknown type, malformed ids). */
export function normaliseEvent(event: FunnelEventInput): (Omit<Row, 'brand'> & { brand?: string }) | undefined {
  if (!event || !EVENT_TYPE_VALUES.has(event.type)) return undefined
  const id = (v: unknown) => (typeof v === 'string' && ID_RE.test(v) ? v : undefined)
  for (const key of ['brand', 'article', 'product', 'order'] as const) if (event[key] !== undefined && !id(event[key])) return undefined
  const at = event.at === undefined ? new Date() : new Date(event.at)
  if (Number.isNaN(at.getTime())) return undefined
  const block = Number.isInteger(event.block) && (event.block as number) >= 0 && (event.block as number) < 10_000 ? event.block : undefined
  const amount = Number.isInteger(event.amount) ? event.amount : undefined
  const items = Array.isArray(event.items)
    ? event.items
        .filter((i) => i && id(i.product) && Number.isInteger(i.units) && Number.isInteger(i.amount))
        .map((i) => ({ product: i.product, units: i.units, amount: i.amount }))
    : undefined
  return {
    type: event.type,
    brand: event.brand,
    article: event.article,
    product: event.product,
    block,
    channel: event.channel && CHANNEL_VALUES.has(event.channel) ? event.channel : undefined,
    sharer: typeof event.sharer === 'string' && event.sharer ? event.sharer.slice(0, 64) : undefined,
    visitor: typeof event.visitor === 'string' && event.visitor ? event.visitor.slice(0, 64) : undefined,
    order: event.order,
    amount,
    ...(items?.length ? { items } : {}),
    occurredAt: at.toISOString(),
    day: beijingDay(at),
    dedupeKey: typeof event.dedupeKey === 'string' && event.dedupeKey ? event.dedupeKey.slice(0, 128) : undefined,
  }
}

async function withBrand(payload: Payload, row: NonNullable<ReturnType<typeof normaliseEvent>>): Promise<Row | undefined> {
  const brand = row.brand ?? (await resolveBrand(payload, row))
  return brand ? ({ ...row, brand } as Row) : undefined
}

const withId = (row: Row): FunnelRow => ({ ...row, id: timeOrderedId() })

/**
 * Records one funnel event from server code (checkout: checkout_started / paid / refunded). Resolves the brand
 * from the article or product when `brand` is not given. With `dedupeKey` (e.g. `order:<id>:paid`) a retried
 * call records nothing new. Never throws: analytics must not break a payment. Returns whether a row was written.
 */
export async function recordEvent(payload: Payload, event: FunnelEventInput): Promise<boolean> {
  try {
    const normalised = normaliseEvent(event)
    if (!normalised) return false
    const row = await withBrand(payload, normalised)
    if (!row) return false
    return (await writeFunnelEvents(payload, [withId(row)])) === 1
  } catch (error) {
    // A concurrent duplicate of a dedupeKey lands here through the unique index: that is the idempotent outcome.
    payload.logger.warn({ msg: 'funnel event not recorded', type: event?.type, err: error })
    return false
  }
}

/**
 * Records many server events in one write (the outbox's batch of a sale's order steps). Events that cannot be
 * counted are skipped; a repeated dedupeKey, also within the batch, is recorded once. Unlike recordEvent it
 * throws when the write fails, so that the outbox runs the batch again later. Returns how many rows were new.
 */
export async function recordEvents(payload: Payload, events: FunnelEventInput[]): Promise<number> {
  const rows: FunnelRow[] = []
  for (const event of events) {
    const normalised = normaliseEvent(event)
    const row = normalised && (await withBrand(payload, normalised))
    if (row) rows.push(withId(row))
  }
  return writeFunnelEvents(payload, rows)
}

// ---- the beacon buffer -------------------------------------------------------------------------------------

const MAX_BUFFER = 20_000
const FLUSH_EVERY_MS = 1_000
const FLUSH_AT = 500
/**
 * Events per write transaction (one libsql batch of a few statements, src/db/funnelRollups.ts). The embedded engine
 * runs a batch synchronously, so a batch holds the event loop for its duration (about 0.2 ms per event here):
 * batches stay small and the flush yields to waiting requests between them.
 */
const WRITE_BATCH = 1_000
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve))

type Buffer = { rows: FunnelEventInput[]; timer?: ReturnType<typeof setTimeout>; flushing?: Promise<number>; dropped: number; written: number }
const KEY = Symbol.for('tuiwen.analytics.buffer')
const buffers = ((globalThis as { [KEY]?: WeakMap<Payload, Buffer> })[KEY] ??= new WeakMap<Payload, Buffer>())

function bufferOf(payload: Payload): Buffer {
  let buffer = buffers.get(payload)
  if (!buffer) buffers.set(payload, (buffer = { rows: [], dropped: 0, written: 0 }))
  return buffer
}

/** Queues already-validated beacon events; returns how many were accepted (the rest dropped under overload). */
export function enqueueEvents(payload: Payload, events: FunnelEventInput[]): number {
  const buffer = bufferOf(payload)
  const room = Math.max(0, MAX_BUFFER - buffer.rows.length)
  const accepted = events.slice(0, room)
  buffer.dropped += events.length - accepted.length
  buffer.rows.push(...accepted)
  if (buffer.rows.length >= FLUSH_AT) void flushEvents(payload)
  else if (!buffer.timer) {
    buffer.timer = setTimeout(() => void flushEvents(payload), FLUSH_EVERY_MS)
    buffer.timer.unref?.()
  }
  return accepted.length
}

/** Writes everything queued (one transaction per WRITE_BATCH events). Tests and shutdown call it directly. */
export async function flushEvents(payload: Payload): Promise<number> {
  const buffer = bufferOf(payload)
  if (buffer.timer) clearTimeout(buffer.timer)
  buffer.timer = undefined
  if (buffer.flushing) await buffer.flushing
  if (!buffer.rows.length) return 0
  const batch = buffer.rows.splice(0, buffer.rows.length)
  buffer.flushing = (async () => {
    const rows: Row[] = []
    for (const event of batch) {
      const normalised = normaliseEvent({ ...event, dedupeKey: undefined })
      const row = normalised && (await withBrand(payload, normalised))
      if (row) rows.push(row)
    }
    if (!rows.length) return 0
    try {
      let written = 0
      for (let i = 0; i < rows.length; i += WRITE_BATCH) {
        if (i > 0) await yieldToRequests()
        written += await writeFunnelEvents(payload, rows.slice(i, i + WRITE_BATCH).map(withId))
      }
      buffer.written += written
      return written
    } catch (error) {
      payload.logger.error({ msg: 'funnel event batch lost', count: rows.length, err: error })
      return 0
    }
  })()
  try {
    return await buffer.flushing
  } finally {
    buffer.flushing = undefined
    if (buffer.rows.length) void flushEvents(payload)
  }
}

export function bufferStats(payload: Payload): { queued: number; dropped: number; written: number } {
  const buffer = bufferOf(payload)
  return { queued: buffer.rows.length, dropped: buffer.dropped, written: buffer.written }
}
