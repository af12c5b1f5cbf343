// Cached pages revalidated on every instance. Next's page cache (ISR) is per process, and revalidatePath only
// works inside a request of the process that holds the cache. So the instance where a page changed revalidates its
// own copy and writes a signal row (src/db/pageSignals.ts); every instance polls the signals once a second (short
// polling on the database: no extra service) and revalidates its copy through its own loopback route
// (/internal/revalidate, authenticated by a key derived from PAYLOAD_SECRET). A page is stale on the other
// instances for about a second. Hand-written: Next has no cross-process revalidation and its shared cache
// handlers need Node 22.
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { insertPageSignals, pageSignalsSince, prunePageSignals } from '@/db/pageSignals'
import { payloadSecret } from '@/utilities/payloadSecret'

export const PAGE_SIGNAL_HEADER = 'x-tuiwen-page-signal'
export const PAGE_SIGNAL_ROUTE = '/internal/revalidate'
const POLL_MS = 1_000
/** Instances' clocks differ a little: each poll reads back this far and skips what it has seen. */
const OVERLAP_MS = 5_000
const KEEP_MS = 10 * 60_000

const KEY = Symbol.for('tuiwen.pageSignals.instance')
/** This process, as the sender of its signals. */
export const instanceId = (): string => ((globalThis as { [KEY]?: string })[KEY] ??= crypto.randomUUID())

/** The key the loopback route accepts (the same on every instance that shares PAYLOAD_SECRET). */
export const pageSignalKey = (): string => crypto.createHmac('sha256', payloadSecret()).update('tuiwen:page-signals').digest('hex')

export const validPagePath = (path: unknown): path is string => typeof path === 'string' && /^\/[a-z]\/[^\s?#]{1,200}$/.test(path)

/** Revalidates these pages here (inside a request) and tells the other instances to do the same. */
export async function revalidatePages(payload: Payload, paths: string[]): Promise<void> {
  const pages = [...new Set(paths.filter(validPagePath))]
  if (!pages.length) return
  try {
    const { revalidatePath } = await import('next/cache')
    for (const path of pages) revalidatePath(path)
  } catch {
    // not inside a Next.js request (CLI, seed, tests): there is no local copy to drop
  }
  await insertPageSignals(payload, pages, instanceId()).catch((error: unknown) =>
    payload.logger.error({ err: error, msg: 'page signals: could not tell the other instances', pages }),
  )
}

export type Revalidator = (paths: string[]) => Promise<void>

/** The loopback call to this instance's own revalidation route. */
export const loopbackRevalidator =
  (port: string | number): Revalidator =>
  async (paths) => {
    const response = await fetch(`http://127.0.0.1:${port}${PAGE_SIGNAL_ROUTE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PAGE_SIGNAL_HEADER]: pageSignalKey() },
      body: JSON.stringify({ paths }),
    })
    if (!response.ok) throw new Error(`${PAGE_SIGNAL_ROUTE} answered ${response.status}`)
  }

/** One poll: the other instances' new signals, revalidated here. Exposed for tests; the listener calls it. */
export function pageSignalPoller(
  payload: Payload,
  revalidate: Revalidator,
  { now = Date.now, self = instanceId() }: { now?: () => number; self?: string } = {},
) {
  let since = new Date(now() - OVERLAP_MS)
  let seen = new Map<string, number>()
  let lastPrune = 0
  return async function poll(): Promise<string[]> {
    const started = now()
    const signals = (await pageSignalsSince(payload, new Date(since.getTime() - OVERLAP_MS), self)).filter((s) => !seen.has(s.id))
    const paths = [...new Set(signals.map((s) => s.path))]
    if (paths.length) await revalidate(paths)
    for (const s of signals) seen.set(s.id, Date.parse(s.createdAt))
    since = new Date(started)
    seen = new Map([...seen].filter(([, at]) => at >= started - 3 * OVERLAP_MS))
    if (started - lastPrune > 60_000) {
      lastPrune = started
      await prunePageSignals(payload, new Date(started - KEEP_MS))
    }
    return paths
  }
}

/** Starts polling (in the long-running server only); returns the stop. */
export function startPageSignalListener(payload: Payload, revalidate: Revalidator, intervalMs = POLL_MS): () => void {
  const poll = pageSignalPoller(payload, revalidate)
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    poll()
      .catch((error: unknown) => payload.logger.warn({ err: error, msg: 'page signals: poll failed (retried next second)' }))
      .finally(() => (running = false))
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
