// The beacon (POST /api/funnel/events) and recordEvent: validation, brand from the server not the browser,
// hashed first-party visitor ids, per-visitor rate limit, idempotent server events.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { beaconLimits, MAX_BATCH } from '@/analytics/endpoints'
import { createRateLimiter } from '@/analytics/rateLimit'
import { flushEvents, recordEvent } from '@/analytics/record'
import type { Article, FunnelEvent } from '@/payload-types'
import { FUNNEL_VISITOR_COOKIE, visitorHash } from '@/platform/reader'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { call, makeArticle } from './funnelBed'

let payload: Payload
let w: World
let article: Article

const beacon = (body: unknown, headers: Record<string, string> = {}) =>
  call('/api/funnel/events', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
  })

const eventsOf = async (where: object = {}) =>
  (await payload.find({ collection: 'funnel-events', where: where as never, pagination: false, depth: 0 })).docs as FunnelEvent[]

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  article = await makeArticle(payload, w.brandA.id, '事件测试', [w.productA.id])
})
afterAll(() => shutdown(payload))

describe('POST /api/funnel/events', () => {
  it('accepts a sendBeacon batch, answers 204 at once, sets a visitor cookie and stores only its hash', async () => {
    const res = await beacon({
      events: [
        { type: 'article_view', article: article.id, channel: 'share', sharer: 'c123' },
        { type: 'block_impression', article: article.id, block: 0 },
        { type: 'block_tap', article: article.id, block: 0 },
        { type: 'landing_view', article: article.id, block: 0, product: w.productA.id, channel: 'qr' },
      ],
    })
    expect(res.status).toBe(204)
    const cookie = res.headers.get('set-cookie') ?? ''
    const id = new RegExp(`${FUNNEL_VISITOR_COOKIE}=([^;]+)`).exec(cookie)?.[1]
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(cookie).toContain('HttpOnly')
    expect(await eventsOf({ article: { equals: article.id } })).toHaveLength(0) // not yet: written in the background
    expect(await flushEvents(payload)).toBe(4)
    const rows = await eventsOf({ article: { equals: article.id } })
    expect(rows.map((r) => r.type).sort()).toEqual(['article_view', 'block_impression', 'block_tap', 'landing_view'])
    for (const row of rows) {
      expect(row.brand).toBe(w.brandA.id) // resolved on the server from the article
      expect(row.visitor).toBe(visitorHash(id!))
      expect(row.visitor).not.toContain(id!)
    }
    expect(rows.find((r) => r.type === 'article_view')).toMatchObject({ channel: 'share', sharer: 'c123' })

    // A returning visitor keeps its id and gets no new cookie.
    const again = await beacon({ events: [{ type: 'article_view', article: article.id }] }, { cookie: `${FUNNEL_VISITOR_COOKIE}=${id}` })
    expect(again.status).toBe(204)
    expect(again.headers.get('set-cookie')).toBeNull()
    await flushEvents(payload)
    expect((await eventsOf({ visitor: { equals: visitorHash(id!) } })).length).toBe(5)
  })

  it.each([
    ['not JSON', '{oops', 400, 'INVALID_BODY', 'body is not JSON', undefined],
    ['empty', { events: [] }, 400, 'INVALID_BODY', 'events must be a non-empty array', 'events'],
    ['server-only type', { events: [{ type: 'paid', article: 'x' }] }, 400, 'INVALID_BODY', 'events[0].type is not a page event', 'events[0].type'],
    [
      'brand from the browser',
      { events: [{ type: 'article_view', article: 'x', brand: 'b' }] },
      400,
      'INVALID_BODY',
      'events[0].brand is not allowed',
      'events[0].brand',
    ],
    [
      'amount from the browser',
      { events: [{ type: 'landing_view', product: 'x', amount: 1 }] },
      400,
      'INVALID_BODY',
      'events[0].amount is not allowed',
      'events[0].amount',
    ],
    ['no article or product', { events: [{ type: 'landing_view' }] }, 400, 'INVALID_BODY', 'events[0] needs an article or a product', 'events[0]'],
    ['tap without block', { events: [{ type: 'block_tap', article: 'x' }] }, 400, 'INVALID_BODY', 'events[0] block events need article and block', 'events[0]'],
    ['bad id', { events: [{ type: 'article_view', article: '../../etc' }] }, 400, 'INVALID_BODY', 'events[0].article is malformed', 'events[0].article'],
    [
      'bad channel',
      { events: [{ type: 'article_view', article: 'x', channel: 'tv' }] },
      400,
      'INVALID_BODY',
      'events[0].channel is unknown',
      'events[0].channel',
    ],
    [
      'too many',
      { events: Array.from({ length: MAX_BATCH + 1 }, () => ({ type: 'article_view', article: 'x' })) },
      400,
      'INVALID_BODY',
      `at most ${MAX_BATCH} events per batch`,
      'events',
    ],
    ['too large', 'x'.repeat(9000), 413, 'BODY_TOO_LARGE', 'body too large', undefined],
  ])('rejects %s', async (_name, body, status, code, message, field) => {
    const res = await beacon(body)
    expect(res.status).toBe(status)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect((await res.json()).error).toEqual(field ? { code, message, field } : { code, message })
  })

  it('rejects cross-site beacons; unknown articles are dropped, not stored', async () => {
    const crossSite = await beacon({ events: [{ type: 'article_view', article: article.id }] }, { origin: 'https://evil.example' })
    expect(crossSite.status).toBe(403)
    expect((await crossSite.json()).error).toEqual({ code: 'CROSS_SITE', message: 'cross-site beacon' })
    expect((await beacon({ events: [{ type: 'article_view', article: 'no-such-article' }] }, { origin: 'http://localhost' })).status).toBe(204)
    expect(await flushEvents(payload)).toBe(0)
    // A product of brand B claimed to be inside brand A's article is not counted for anyone.
    expect((await beacon({ events: [{ type: 'landing_view', article: article.id, product: w.productB.id }] })).status).toBe(204)
    expect(await flushEvents(payload)).toBe(0)
  })

  it('rate-limits per visitor (429) without touching other visitors', async () => {
    const now = 1_000_000
    const saved = beaconLimits.visitor
    beaconLimits.visitor = createRateLimiter({ capacity: 60, refillPerSecond: 2, now: () => now })
    try {
      const cookie = `${FUNNEL_VISITOR_COOKIE}=burst-visitor-000000000`
      const batch = { events: Array.from({ length: 20 }, () => ({ type: 'block_impression', article: article.id, block: 0 })) }
      const answers: Response[] = []
      for (let i = 0; i < 4; i++) answers.push(await beacon(batch, { cookie }))
      expect(answers.map((r) => r.status)).toEqual([204, 204, 204, 429])
      const refused = answers[3]!
      expect([refused.headers.get('retry-after'), refused.headers.get('cache-control')]).toEqual(['5', 'no-store'])
      expect((await refused.json()).error).toEqual({ code: 'RATE_LIMITED', message: 'too many events' })
      expect((await beacon(batch, { cookie: `${FUNNEL_VISITOR_COOKIE}=another-visitor-00000000` })).status).toBe(204)
      expect(await flushEvents(payload)).toBe(80)
    } finally {
      beaconLimits.visitor = saved
    }
  })
})

describe('recordEvent (server side, for checkout)', () => {
  it('resolves the brand, is idempotent with a dedupeKey, and never throws', async () => {
    const event = {
      type: 'paid' as const,
      article: article.id,
      block: 0,
      product: w.productA.id,
      order: 'order-1',
      amount: 2580,
      dedupeKey: 'order:order-1:paid',
    }
    expect(await recordEvent(payload, event)).toBe(true)
    expect(await recordEvent(payload, event)).toBe(false)
    const rows = await eventsOf({ dedupeKey: { equals: 'order:order-1:paid' } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ type: 'paid', brand: w.brandA.id, amount: 2580, block: 0 })
    expect(await recordEvent(payload, { type: 'bogus' as never, article: article.id })).toBe(false)
    expect(await recordEvent(payload, { type: 'refunded', product: 'missing-product' })).toBe(false)
    expect(await recordEvent(payload, { type: 'refunded', brand: w.brandB.id, order: 'order-9', amount: 100 })).toBe(true)
  })
})
