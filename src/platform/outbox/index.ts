// Processing the outbox (src/db/outbox.ts): handlers per topic, registered by the modules that own the side
// effects; a drain that runs after commit (kickOutbox, coalesced: one loop per process), at boot and every minute
// (the safety net for a process killed between commit and processing). Handlers must be idempotent: a message
// whose handler succeeded but whose "done" mark was lost to a crash runs again.
import type { Payload } from 'payload'

import { claimOutbox, completeOutbox, failOutbox } from '@/db/outbox'

export type OutboxHandler = (payload: Payload, data: Record<string, unknown>) => Promise<void>
/** Handles every message of its topic in one claimed batch at once (e.g. one funnel write for a sale's steps). */
export type OutboxBatchHandler = (payload: Payload, data: Record<string, unknown>[]) => Promise<void>

const KEY = Symbol.for('tuiwen.platform.outbox')
type State = {
  handlers: Map<string, OutboxHandler>
  batchHandlers: Map<string, OutboxBatchHandler>
  running?: Promise<void>
  again: boolean
  timer?: ReturnType<typeof setTimeout>
}
const state = (): State => ((globalThis as { [KEY]?: State })[KEY] ??= { handlers: new Map(), batchHandlers: new Map(), again: false })

export const BATCH = 100
const LEASE_MS = 60_000
const MAX_ATTEMPTS = 8

/** Registers the handler of a topic (once per process; a second registration replaces the first). */
export function onOutbox(topic: string, handler: OutboxHandler): void {
  state().handlers.set(topic, handler)
}

/**
 * Registers a handler that takes all of a topic's messages of one claimed batch in one call. It must be idempotent
 * for the whole batch (a batch whose handler failed runs again, every message of it). For side effects that are
 * cheaper together and whose order does not matter.
 */
export function onOutboxBatch(topic: string, handler: OutboxBatchHandler): void {
  state().batchHandlers.set(topic, handler)
}

const backoffMs = (attempts: number) => Math.min(60 * 60_000, 2 ** attempts * 1000)

type Claimed = Awaited<ReturnType<typeof claimOutbox>>[number]

/** Claims one batch and runs it; returns how many messages it took. */
export async function drainOutboxOnce(payload: Payload, now = Date.now()): Promise<number> {
  const messages = await claimOutbox(payload, { limit: BATCH, leaseMs: LEASE_MS, now })
  const done: string[] = []
  const failed = async (message: Claimed, error: unknown, known: boolean) => {
    const text = error instanceof Error ? error.message : String(error)
    const giveUp = !known || message.attempts >= MAX_ATTEMPTS
    payload.logger.error({ msg: 'outbox message failed', topic: message.topic, attempts: message.attempts, giveUp, err: text })
    await failOutbox(payload, message.id, text, giveUp ? null : now + backoffMs(message.attempts))
  }
  const batched = new Set<string>()
  for (const message of messages) {
    const batchHandler = state().batchHandlers.get(message.topic)
    if (batchHandler) {
      // The topic's whole share of this claim runs at its first message.
      if (batched.has(message.topic)) continue
      batched.add(message.topic)
      const group = messages.filter((m) => m.topic === message.topic)
      try {
        await batchHandler(
          payload,
          group.map((m) => m.data),
        )
        done.push(...group.map((m) => m.id))
      } catch (error) {
        for (const m of group) await failed(m, error, true)
      }
      continue
    }
    const handler = state().handlers.get(message.topic)
    try {
      if (!handler) throw new Error(`no outbox handler for "${message.topic}"`)
      await handler(payload, message.data)
      done.push(message.id)
    } catch (error) {
      await failed(message, error, Boolean(handler))
    }
  }
  await completeOutbox(payload, done)
  return messages.length
}

/** Drains until nothing is due. */
export async function drainOutbox(payload: Payload): Promise<void> {
  while ((await drainOutboxOnce(payload)) === BATCH) {
    /* more waiting */
  }
}

/**
 * Asks for a drain soon, without waiting for it: requests call this after commit. Calls within a few milliseconds
 * share one drain, so a burst of checkouts is processed in batches, not one by one.
 */
export function kickOutbox(payload: Payload, delayMs = 20): void {
  const s = state()
  if (s.running) {
    s.again = true
    return
  }
  if (s.timer) return
  s.timer = setTimeout(() => {
    s.timer = undefined
    s.running = (async () => {
      do {
        s.again = false
        await drainOutbox(payload)
      } while (s.again)
    })()
      .catch((error) => payload.logger.error({ msg: 'outbox drain failed', err: error }))
      .finally(() => {
        s.running = undefined
      })
  }, delayMs)
  s.timer.unref?.()
}

/** Waits for a running drain (tests, shutdown). */
export async function outboxIdle(): Promise<void> {
  const s = state()
  while (s.timer || s.running) {
    if (s.running) await s.running
    else await new Promise((r) => setTimeout(r, 5))
  }
}
