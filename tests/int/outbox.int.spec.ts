// The outbox (src/db/outbox.ts + src/platform/outbox): side effects written with the change they follow are
// processed after commit, once, in batches; a failing handler is retried later; and rows written by a process
// that was killed before processing them are processed when the app boots again — exactly once.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimOutbox, enqueueOutbox, pendingOutboxCount } from '@/db/outbox'
import { drainOutbox, drainOutboxOnce, onOutbox, outboxIdle } from '@/platform/outbox'
import { orderStepMessage } from '@/commerce/outboxHandlers'

import { bootPayload, mongoRun, shutdown } from '../helpers/payload'

const run = promisify(execFile)
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

const funnelEvents = async (order: string) => (await payload.count({ collection: 'funnel-events', where: { order: { equals: order } }, overrideAccess: true })).totalDocs

describe('the outbox', () => {
  it('processes every message once, in batches, however many drains run at once', async () => {
    seen.length = 0
    await enqueueOutbox(payload, Array.from({ length: 250 }, (_, n) => ({ topic: 'test.record', data: { n } })))
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
    await enqueueOutbox(payload, [{ topic: 'test.record', data: { n: 'later' }, availableAt: now + 60_000 }, { topic: 'test.flaky', data: { n: 1 } }], now)
    await drainOutboxOnce(payload, now)
    expect(seen).toEqual(['flaky:1'])
    await drainOutboxOnce(payload, now + 500)
    expect(seen).toEqual(['flaky:1']) // backing off
    await drainOutboxOnce(payload, now + 61_000)
    expect(seen.sort()).toEqual(['flaky:1', 'flaky:1', 'later'].sort())
    expect(await pendingOutboxCount(payload)).toBe(1) // the flaky one waits for its next attempt
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

describe.skipIf(mongoRun)('a process killed between commit and processing', () => {
  it('loses nothing: the next boot processes its messages, exactly once', { timeout: 120_000 }, async () => {
    const brand = await payload.create({ collection: 'brands', data: { name: '断电品牌', slug: `killed-${Date.now()}` } })
    const orders = ['killed-1', 'killed-2', 'killed-3']
    const messages = orders.map((order) => orderStepMessage({ order, type: 'checkout_started', brand: brand.id }))
    // The children use the schema this process pushed: no push, no migrations of their own.
    const env = { ...process.env, TUIWEN_JOBS_AUTORUN: 'false', TUIWEN_DB_PUSH: '0', PAYLOAD_MIGRATING: 'true', OUTBOX_MESSAGES: JSON.stringify(messages) }
    const child = (mode: string) =>
      run(process.execPath, ['--import', 'tsx', 'tests/helpers/outboxChild.ts', mode], { env, cwd: process.cwd() }).catch((error) => {
        if (error.signal !== 'SIGKILL') console.error(error.stderr || error.stdout)
        throw error
      })
    await payload.db.deleteMany({ collection: 'outbox', where: { id: { exists: true } } }) // only this test's messages
    await expect(child('write-and-die')).rejects.toMatchObject({ signal: 'SIGKILL' })
    expect(await pendingOutboxCount(payload)).toBe(3)
    for (const order of orders) expect(await funnelEvents(order)).toBe(0)
    await child('boot')
    expect(await pendingOutboxCount(payload)).toBe(0)
    await child('boot')
    for (const order of orders) expect(await funnelEvents(order)).toBe(1)
  })
})
