// The outbox (src/db/outbox.ts + src/platform/outbox): side effects written with the change they follow are
// processed after commit, once, in batches; a failing handler is retried later; a dead processor's lease runs out;
// and rows a killed process committed but never processed are processed when the app boots again — exactly once.
import config from '@payload-config'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { orderStepMessage } from '@/commerce/outboxHandlers'
import { claimOutbox, enqueueOutbox, pendingOutboxCount } from '@/db/outbox'
import { drainOutbox, drainOutboxOnce, onOutbox, onOutboxBatch, outboxIdle } from '@/platform/outbox'

import { bootPayload, shutdown } from '../helpers/payload'

let payload: Payload
const seen: string[] = []

beforeAll(async () => {
  payload = await bootPayload()
  await outboxIdle()
  onOutbox('test.record', async (_payload, data) => void seen.push(String(data.n)))
  onOutbox('test.flaky', async (_payload, data) => {
    seen.push(`flaky:${data.n}`)
    throw new Error('WeChat said -1')
  })
})
afterAll(async () => {
  await outboxIdle()
  await shutdown(payload)
})

const funnelEvents = async (order: string) =>
  (await payload.count({ collection: 'funnel-events', where: { order: { equals: order } }, overrideAccess: true })).totalDocs

describe('the outbox', () => {
  it('processes every message once, in batches, however many drains run at once', async () => {
    seen.length = 0
    await enqueueOutbox(
      payload,
      Array.from({ length: 250 }, (_, n) => ({ topic: 'test.record', data: { n } })),
    )
    await Promise.all([drainOutbox(payload), drainOutbox(payload), drainOutbox(payload)])
    expect(seen).toHaveLength(250)
    expect(new Set(seen).size).toBe(250)
    expect(await pendingOutboxCount(payload)).toBe(0)
    await drainOutbox(payload)
    expect(seen).toHaveLength(250)
  })

  it('leaves a message that is not due yet, and retries a failing one later, not at once', async () => {
    seen.length = 0
    const now = Date.now()
    await enqueueOutbox(
      payload,
      [
        { topic: 'test.record', data: { n: 'later' }, availableAt: now + 60_000 },
        { topic: 'test.flaky', data: { n: 1 } },
      ],
      now,
    )
    await drainOutboxOnce(payload, now)
    expect(seen).toEqual(['flaky:1'])
    await drainOutboxOnce(payload, now + 500)
    expect(seen).toEqual(['flaky:1']) // backing off
    await drainOutboxOnce(payload, now + 61_000)
    expect(seen.sort()).toEqual(['flaky:1', 'flaky:1', 'later'].sort())
    expect(await pendingOutboxCount(payload)).toBe(1) // the flaky one waits for its next attempt
  })

  it('hands a batch topic all of its messages of one claim at once, and retries a failed batch whole', async () => {
    const calls: number[][] = []
    let failNext = true
    onOutboxBatch('test.batch', async (_payload, data) => {
      calls.push(data.map((d) => Number(d.n)))
      if (failNext) {
        failNext = false
        throw new Error('rollup write failed')
      }
    })
    seen.length = 0
    const now = Date.now() + 7_200_000
    await enqueueOutbox(
      payload,
      Array.from({ length: 30 }, (_, n) => (n % 3 ? { topic: 'test.batch', data: { n } } : { topic: 'test.record', data: { n } })),
      now,
    )
    await drainOutboxOnce(payload, now)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toHaveLength(20)
    expect(seen.filter((n) => !n.startsWith('flaky'))).toHaveLength(10) // the other topic's ran one by one, unaffected
    await drainOutboxOnce(payload, now + 500)
    expect(calls).toHaveLength(1) // the failed batch backs off
    await drainOutboxOnce(payload, now + 60_000)
    expect(calls).toHaveLength(2)
    expect(calls[1].sort((a, b) => a - b)).toEqual(calls[0].sort((a, b) => a - b))
    await drainOutboxOnce(payload, now + 3_600_000)
    expect(calls).toHaveLength(2) // done: never again
  })

  it('gives a message whose processor died back after its lease', async () => {
    const now = Date.now() + 3_600_000
    await enqueueOutbox(payload, [{ topic: 'test.record', data: { n: 'leased' } }], now)
    const first = await claimOutbox(payload, { limit: 100, leaseMs: 60_000, now })
    expect(first.map((m) => m.data.n)).toContain('leased')
    expect((await claimOutbox(payload, { limit: 100, leaseMs: 60_000, now: now + 1_000 })).map((m) => m.data.n)).not.toContain('leased')
    expect((await claimOutbox(payload, { limit: 100, leaseMs: 60_000, now: now + 61_000 })).map((m) => m.data.n)).toContain('leased')
  })
})

describe('rows left by a process that died between commit and processing', () => {
  it('are processed by the next boot, exactly once', async () => {
    // What a killed process leaves: committed messages that nothing drained (enqueueOutbox never kicks a drain).
    const brand = await payload.create({ collection: 'brands', data: { name: '断电品牌', slug: `killed-${Date.now()}` } })
    const orders = ['killed-1', 'killed-2', 'killed-3']
    await payload.db.deleteMany({ collection: 'outbox', where: { id: { exists: true } } }) // only this test's messages
    await enqueueOutbox(
      payload,
      orders.map((order) => orderStepMessage({ order, type: 'checkout_started', brand: brand.id })),
    )
    await new Promise((r) => setTimeout(r, 100))
    expect(await pendingOutboxCount(payload)).toBe(3)
    for (const order of orders) expect(await funnelEvents(order)).toBe(0)
    // A boot runs the config's onInit, which registers the handlers and drains what is due.
    const boot = async () => {
      await (await config).onInit?.(payload)
      await outboxIdle()
    }
    await boot()
    expect(await pendingOutboxCount(payload)).toBe(0)
    await boot()
    for (const order of orders) expect(await funnelEvents(order)).toBe(1)
  })
})
