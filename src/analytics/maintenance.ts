// Keeping the funnel's raw events bounded (retention) and its rollups true (rebuild from the raw events).
import type { Payload } from 'payload'

import {
  deleteRollupsFrom,
  markPrunedBefore,
  oldestFunnelDay,
  prunedBefore,
  pruneFunnelEvents,
  readFunnelEvents,
  rederiveRollups,
  writeFunnelEvents,
} from '@/db/funnelRollups'
import { lastDays } from '@/platform/beijingTime'

export const DEFAULT_RETENTION_DAYS = 90
const PRUNE_BATCH = 5_000
const REBUILD_PAGE = 1_000

/** Days of raw events kept (`TUIWEN_FUNNEL_RETENTION_DAYS`, default 90); the rollups are kept for ever. */
export function retentionDays(): number {
  const n = Number(process.env.TUIWEN_FUNNEL_RETENTION_DAYS)
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_RETENTION_DAYS
}

/** The oldest Beijing day whose raw events are kept. */
export const retentionStartDay = (now: Date | number = Date.now()) => lastDays(retentionDays(), now)[0]

/**
 * Deletes raw events (and visitor marks) of days before the retention window, a bounded batch at a time; the
 * rollups, which the reports read, are untouched. Returns how many events went.
 */
export async function pruneRawEvents(payload: Payload, options: { now?: Date | number; maxBatches?: number } = {}): Promise<number> {
  const before = retentionStartDay(options.now)
  await markPrunedBefore(payload, before) // first: a rebuild must not recount a day this run may leave half-pruned
  let total = 0
  for (let i = 0; i < (options.maxBatches ?? 200); i++) {
    const n = await pruneFunnelEvents(payload, before, PRUNE_BATCH)
    total += n
    if (n < PRUNE_BATCH) break
  }
  return total
}

export type RebuildResult = { fromDay: string | null; events: number; retentionDays: number }

/**
 * Recounts the rollups of every day that still has all its raw events — from the oldest raw day, but never before
 * the retention window nor before a day pruning reached (such days may be partly pruned; their rollups are kept
 * as they are). Idempotent. Events that arrive while it runs can be counted twice: run it when the shop is quiet
 * (after a fix, an import, a migration).
 */
export async function rebuildRollups(
  payload: Payload,
  options: { fromDay?: string; now?: Date | number; log?: (line: string) => void } = {},
): Promise<RebuildResult> {
  const oldest = await oldestFunnelDay(payload)
  const floor = [retentionStartDay(options.now), (await prunedBefore(payload)) ?? ''].sort().at(-1)!
  const requested = options.fromDay && options.fromDay > floor ? options.fromDay : floor
  const fromDay = oldest ? (oldest > requested ? oldest : requested) : null
  if (!fromDay) return { fromDay: null, events: 0, retentionDays: retentionDays() }
  await deleteRollupsFrom(payload, fromDay)
  let events = 0
  let cursor: { day: string; id: string } = { day: fromDay, id: '' }
  for (;;) {
    const page = await readFunnelEvents(payload, cursor, REBUILD_PAGE, { fromDay })
    if (!page.length) break
    await writeFunnelEvents(payload, page, { raw: false })
    events += page.length
    const last = page[page.length - 1]
    cursor = { day: last.day, id: last.id }
    if (events % 100_000 < REBUILD_PAGE) options.log?.(`  … ${events.toLocaleString('en')} events (${last.day})`)
  }
  // Month rows also hold the month's days before fromDay, and those days' raw events may be gone: derive them again.
  await rederiveRollups(payload, fromDay)
  return { fromDay, events, retentionDays: retentionDays() }
}
