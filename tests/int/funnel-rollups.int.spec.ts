// Funnel at scale: the reports read rollups only, and the rollups equal what an independent count of the raw
// events gives — after random event streams (duplicates, refunds, late and out-of-window events, floods, two
// brands), after `funnel:rebuild` (idempotent), and after retention pruned the raw rows.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { articleHours, type FunnelReport, funnelReport } from '@/analytics/funnel'
import { pruneRawEvents, rebuildRollups } from '@/analytics/maintenance'
import { enqueueEvents, flushEvents, recordEvent } from '@/analytics/record'
import { MAX_COUNTED_PER_VISITOR } from '@/analytics/rollup'
import { BEACON_TYPES, type FunnelEventInput } from '@/analytics/types'
import type { Article } from '@/payload-types'
import { lastDays } from '@/platform/beijingTime'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'
import { call, makeArticle } from './funnelBed'

let payload: Payload
let w: World
let articlesA: Article[]
let articleB: Article
const DAY = 86_400_000
const now = Date.now()

// A small deterministic PRNG, so a failure can be replayed.
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}
const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)]

type Raw = {
  type: string
  brand: string
  article?: string | null
  block?: number | null
  product?: string | null
  channel?: string | null
  visitor?: string | null
  amount?: number | null
  day: string
}

/** The report's totals and per-article / per-block counts, computed from the raw rows by hand (the model). */
function model(raw: Raw[], brand: string, days: string[]) {
  const inWindow = raw.filter((e) => e.brand === brand && days.includes(e.day))
  const groups = new Map<string, number>()
  const counted: Raw[] = []
  for (const e of inWindow) {
    if (BEACON_TYPES.has(e.type as never) && e.visitor) {
      const key = [e.day, e.article ?? '', e.block ?? -1, e.product ?? '', e.type, e.visitor].join('|')
      const n = (groups.get(key) ?? 0) + 1
      groups.set(key, n)
      if (n > MAX_COUNTED_PER_VISITOR) continue
    }
    counted.push(e)
  }
  const count = (type: string, where: (e: Raw) => boolean = () => true) => counted.filter((e) => e.type === type && where(e)).length
  const sum = (type: string) => counted.filter((e) => e.type === type).reduce((s, e) => s + (e.amount ?? 0), 0)
  return {
    totals: {
      webReads: count('article_view'),
      impressions: count('block_impression'),
      taps: count('block_tap'),
      landingViews: count('landing_view'),
      checkouts: count('checkout_started'),
      orders: count('paid'),
      revenue: sum('paid'),
      refunds: count('refunded'),
      refundAmount: sum('refunded'),
    },
    block: (article: string, block: number) => ({
      impressions: count('block_impression', (e) => e.article === article && e.block === block),
      taps: count('block_tap', (e) => e.article === article && e.block === block),
      landingViews: count('landing_view', (e) => e.article === article && e.block === block),
    }),
  }
}

async function rawEvents(): Promise<Raw[]> {
  const { docs } = await payload.find({ collection: 'funnel-events', pagination: false, depth: 0, overrideAccess: true })
  return docs.map((d) => ({ ...d, brand: String(d.brand) })) as unknown as Raw[]
}

/** The parts of a report the tests compare (everything but the row order of ties). */
const figures = (r: FunnelReport) => ({ totals: r.totals, daily: r.daily, articles: r.articles, products: r.products })

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  articlesA = [
    await makeArticle(payload, w.brandA.id, '早春上新', [w.productA.id, w.productA.id, w.productA.id]),
    await makeArticle(payload, w.brandA.id, '冷泡指南', [w.productA.id]),
  ]
  articleB = await makeArticle(payload, w.brandB.id, '咖啡入门', [w.productB.id])

  // A random stream: page events from 40 visitors (some flooding), within and outside the window, late ones,
  // server events with dedupe keys sent twice, refunds; for both brands.
  const r = rng(20261202)
  const beacon: FunnelEventInput[] = []
  for (let i = 0; i < 1500; i++) {
    const brandB = r() < 0.2
    const article = brandB ? articleB : pick(r, articlesA)
    const block = Math.floor(r() * (brandB ? 1 : article === articlesA[0] ? 3 : 1))
    const visitor = `v${Math.floor(r() * 40)}`
    const ageDays = r() < 0.1 ? 20 + Math.floor(r() * 100) : Math.floor(r() * 6) // some 20–120 days old
    const at = new Date(now - ageDays * DAY - Math.floor(r() * 3600_000))
    const type = pick(r, ['article_view', 'block_impression', 'block_impression', 'block_tap', 'landing_view'] as const)
    const product = type === 'landing_view' ? (brandB ? w.productB.id : w.productA.id) : undefined
    beacon.push({
      type,
      article: article.id,
      block: type === 'article_view' ? undefined : block,
      product,
      channel: pick(r, ['qr', 'share', undefined] as const),
      visitor,
      at,
    })
  }
  // A flood: one visitor taps one block 300 times today.
  for (let i = 0; i < 300; i++) beacon.push({ type: 'block_tap', article: articlesA[0].id, block: 0, visitor: 'flooder', at: new Date(now - i * 1000) })
  enqueueEvents(payload, beacon)
  await flushEvents(payload)

  for (let i = 0; i < 30; i++) {
    const brandB = i % 5 === 0
    const article = brandB ? articleB : articlesA[i % 2]
    const base = {
      brand: brandB ? w.brandB.id : w.brandA.id,
      article: article.id,
      block: 0,
      product: brandB ? w.productB.id : w.productA.id,
      visitor: `v${i}`,
      at: new Date(now - (i % 4) * DAY),
    }
    const order = `order-${i}`
    const amount = 1000 + i * 10
    const items = [{ product: base.product, units: 1 + (i % 3), amount }]
    for (let twice = 0; twice < 2; twice++) {
      await recordEvent(payload, { ...base, type: 'checkout_started', order, dedupeKey: `order:${order}:checkout_started` })
      if (i % 3 !== 2) await recordEvent(payload, { ...base, type: 'paid', order, amount, items, dedupeKey: `order:${order}:paid` })
      if (i % 7 === 0) await recordEvent(payload, { ...base, type: 'refunded', order, amount, items, at: new Date(now), dedupeKey: `order:${order}:refunded` })
    }
  }
}, 120_000)
afterAll(() => shutdown(payload))

describe('rollups equal the raw events', () => {
  it('for each brand and window: totals, per block, duplicates once, a flooding visitor capped', async () => {
    const raw = await rawEvents()
    for (const days of [7, 30, 90]) {
      for (const brand of [w.brandA.id, w.brandB.id]) {
        const report = await funnelReport(payload, { scope: [brand], days, now })
        const expected = model(raw, brand, lastDays(days, now))
        expect(report.totals).toMatchObject(expected.totals)
        for (const a of report.articles) for (const b of a.blocks) expect(b).toMatchObject(expected.block(a.article, b.block))
        expect(report.daily.reduce((n, d) => n + d.orders, 0)).toBe(expected.totals.orders)
      }
    }
    // The flooder's 300 taps on one block today count MAX_COUNTED_PER_VISITOR times, and as one tapping visitor.
    const today = await funnelReport(payload, { scope: [w.brandA.id], fromDay: lastDays(1, now)[0], toDay: lastDays(1, now)[0] })
    const flooded = model(
      raw.filter((e) => e.visitor === 'flooder'),
      w.brandA.id,
      lastDays(1, now),
    )
    expect(flooded.totals.taps).toBe(MAX_COUNTED_PER_VISITOR)
    expect(today.totals.taps).toBeLessThan(300)
  })

  it('one revenue everywhere: the article, block, product and daily tables add up to the same paid amount', async () => {
    const report = await funnelReport(payload, { scope: [w.brandA.id], days: 30, now })
    const byArticles = report.articles.reduce((s, a) => s + a.revenue, 0)
    const byProducts = report.products.reduce((s, p) => s + p.revenue, 0)
    const byDays = report.daily.reduce((s, d) => s + d.revenue, 0)
    expect(report.totals.revenue).toBeGreaterThan(0)
    expect(byArticles).toBe(report.totals.revenue)
    expect(byProducts).toBe(report.totals.revenue)
    expect(byDays).toBe(report.totals.revenue)
    expect(report.products.reduce((s, p) => s + p.refundAmount, 0)).toBe(report.totals.refundAmount)
  })

  it('funnel:rebuild gives the live figures again, and again when run twice', async () => {
    const before = figures(await funnelReport(payload, { scope: [w.brandA.id], days: 90, now }))
    const first = await rebuildRollups(payload, { now })
    expect(first.events).toBeGreaterThan(0)
    expect(figures(await funnelReport(payload, { scope: [w.brandA.id], days: 90, now }))).toEqual(before)
    await rebuildRollups(payload, { now })
    expect(figures(await funnelReport(payload, { scope: [w.brandA.id], days: 90, now }))).toEqual(before)
  })

  it('retention prunes raw rows older than the window without changing any report', async () => {
    const year = { scope: [w.brandA.id, w.brandB.id], fromDay: lastDays(366, now)[0], toDay: lastDays(1, now)[0] }
    const before = figures(await funnelReport(payload, year))
    const rawBefore = (await rawEvents()).length
    const previous = process.env.TUIWEN_FUNNEL_RETENTION_DAYS
    process.env.TUIWEN_FUNNEL_RETENTION_DAYS = '30'
    try {
      const pruned = await pruneRawEvents(payload, { now })
      expect(pruned).toBeGreaterThan(0)
      const left = await rawEvents()
      expect(left.length).toBe(rawBefore - pruned)
      expect(left.every((e) => e.day >= lastDays(30, now)[0])).toBe(true)
      expect(figures(await funnelReport(payload, year))).toEqual(before)
      // A rebuild recounts only the days that still have their raw events.
      await rebuildRollups(payload, { now })
      expect(figures(await funnelReport(payload, year))).toEqual(before)
    } finally {
      if (previous === undefined) delete process.env.TUIWEN_FUNNEL_RETENTION_DAYS
      else process.env.TUIWEN_FUNNEL_RETENTION_DAYS = previous
    }
  })
})

describe('windows', () => {
  it('7, 30 and 90 days and a custom range; bad ranges are a 400 naming the field', async () => {
    const article = await makeArticle(payload, w.brandA.id, '窗口测试', [w.productA.id])
    const view = (ageDays: number) => recordEvent(payload, { type: 'article_view', article: article.id, at: new Date(now - ageDays * DAY) })
    await view(0)
    await view(10)
    await view(60)
    await view(200)
    const reads = async (input: object) =>
      (await funnelReport(payload, { scope: [w.brandA.id], now, ...input })).articles.find((a) => a.article === article.id)?.webReads ?? 0
    expect(await reads({ days: 7 })).toBe(1)
    expect(await reads({ days: 30 })).toBe(2)
    expect(await reads({ days: 90 })).toBe(3)
    const day = (ageDays: number) => lastDays(ageDays + 1, now)[0]
    expect(await reads({ fromDay: day(60), toDay: day(60) })).toBe(1)
    expect(await reads({ fromDay: day(250), toDay: day(0) })).toBe(4)

    const token = await login(w.ownerA.email, w.password)
    const ok = await rest('GET', `/funnel/report?days=90`, { token })
    expect(ok.status).toBe(200)
    expect(ok.body.window.days).toBe(90)
    const range = await rest('GET', `/funnel/report?from=${day(60)}&to=${day(0)}`, { token })
    expect(range.body.window).toMatchObject({ fromDay: day(60), toDay: day(0), days: 61 })
    for (const [query, field] of [
      ['days=45', 'days'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-13-01&to=2026-12-01', 'from'],
      [`from=${day(0)}`, 'to'],
      [`from=${day(0)}&to=${day(3)}`, 'to'],
      ['from=2020-01-01&to=2026-01-01', 'to'],
    ]) {
      const res = await rest('GET', `/funnel/report?${query}`, { token })
      expect(res.status, query).toBe(400)
      expect(res.body.error, query).toEqual({ code: 'INVALID_QUERY', field, message: expect.stringMatching(new RegExp(`^${field}: [^\\x00-\\x7f]`)) })
    }
    const csv = await call(`/api/funnel/export.csv?kind=daily&from=${day(2)}&to=${day(0)}`, { headers: { authorization: `JWT ${token}` } })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-disposition')).toContain(`funnel-daily-${day(2)}_${day(0)}.csv`)
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(4) // header + 3 days
  })
})

describe('unique visitors', () => {
  it('an honest funnel never passes 100%, however often its readers tap', async () => {
    const article = await makeArticle(payload, w.brandA.id, '诚实漏斗', [w.productA.id, w.productA.id])
    const at = new Date(now)
    for (let v = 0; v < 20; v++) {
      const visitor = `honest-${v}`
      await recordEvent(payload, { type: 'article_view', article: article.id, visitor, at })
      for (const block of [0, 1]) {
        await recordEvent(payload, { type: 'block_impression', article: article.id, block, visitor, at })
        if (v % 2 === 0) for (let t = 0; t < 3; t++) await recordEvent(payload, { type: 'block_tap', article: article.id, block, visitor, at }) // taps three times
      }
      if (v % 4 === 0) {
        await recordEvent(payload, { type: 'landing_view', article: article.id, block: 0, product: w.productA.id, visitor, at })
        await recordEvent(payload, {
          type: 'checkout_started',
          article: article.id,
          block: 0,
          product: w.productA.id,
          visitor,
          order: `h${v}`,
          dedupeKey: `order:h${v}:checkout_started`,
          at,
        })
        await recordEvent(payload, {
          type: 'paid',
          article: article.id,
          block: 0,
          product: w.productA.id,
          visitor,
          order: `h${v}`,
          amount: 500,
          dedupeKey: `order:h${v}:paid`,
          at,
        })
      }
    }
    const report = await funnelReport(payload, { scope: [w.brandA.id], days: 7, now })
    const row = report.articles.find((a) => a.article === article.id)!
    // 20 readers; 10 tapped (each 3 × on each of 2 blocks: 60 taps); 5 landed, checked out and paid.
    expect(row).toMatchObject({ webReads: 20, taps: 60, landingViews: 5, checkouts: 5, orders: 5 })
    expect(row.visitors).toMatchObject({ reads: 20, taps: 10, landingViews: 5, checkouts: 5, orders: 5 })
    expect(row.conversion).toEqual({ tapRate: 0.5, landingRate: 0.5, checkoutRate: 1, payRate: 1, overall: 0.25 })
    for (const rate of Object.values(row.conversion)) expect(rate === null || rate <= 1).toBe(true)
    for (const b of row.blocks) for (const rate of Object.values(b.conversion)) expect(rate === null || rate <= 1).toBe(true)
  })
  it('writers at once still cap each reader and count them once, and a repeated dedupe key once', async () => {
    // Every event its own write, all in flight together: SQLite runs them one after the other, PostgreSQL's
    // transactions interleave, and the visitor marks must come out the same.
    const article = await makeArticle(payload, w.brandA.id, '并发漏斗', [w.productA.id])
    const at = new Date(now)
    const tap = (i: number) => recordEvent(payload, { type: 'block_tap', article: article.id, block: 0, visitor: `together-${i % 8}`, at })
    await Promise.all(Array.from({ length: 80 }, (_, i) => tap(i)))
    const paid = { type: 'paid', article: article.id, block: 0, product: w.productA.id, visitor: 'together-0', order: 'together-1', amount: 700, at } as const
    const written = await Promise.all(Array.from({ length: 10 }, () => recordEvent(payload, { ...paid, dedupeKey: 'order:together-1:paid' })))
    expect(written.filter(Boolean)).toHaveLength(1)
    const row = (await funnelReport(payload, { scope: [w.brandA.id], days: 7, now })).articles.find((a) => a.article === article.id)!
    // 8 readers × 10 taps, each counted at most MAX_COUNTED_PER_VISITOR (3) times; one paid order.
    expect(row).toMatchObject({ taps: 8 * MAX_COUNTED_PER_VISITOR, orders: 1, revenue: 700 })
    expect(row.visitors).toMatchObject({ taps: 8, orders: 1 })
  })
})

describe('推送后 48 小时', () => {
  it('counts the article hour by hour from its push', async () => {
    const article = await makeArticle(payload, w.brandA.id, '整点推送', [w.productA.id])
    const pushedAt = Math.floor((now - 30 * 3600_000) / 3600_000) * 3600_000 + 5 * 60_000 // 30 h ago, at :05
    const account = await payload.create({
      collection: 'wechat-accounts',
      data: { name: '公众号', appId: 'wx00000000000f0a48', brand: w.brandA.id, accountType: 'service' },
    })
    await payload.create({
      collection: 'pushes',
      data: { account: account.id, articles: [article.id], brand: w.brandA.id, sentAt: new Date(pushedAt).toISOString() } as never,
      overrideAccess: true,
    })
    const at = (hours: number) => new Date(pushedAt + hours * 3600_000)
    await recordEvent(payload, { type: 'article_view', article: article.id, visitor: 'h1', at: at(0.5) })
    await recordEvent(payload, { type: 'article_view', article: article.id, visitor: 'h2', at: at(0.9) })
    await recordEvent(payload, { type: 'block_tap', article: article.id, block: 0, visitor: 'h1', at: at(5.2) })
    await recordEvent(payload, { type: 'paid', article: article.id, block: 0, order: 'h48', amount: 990, dedupeKey: 'order:h48:paid', at: at(5.5) })
    await recordEvent(payload, { type: 'article_view', article: article.id, visitor: 'h3', at: at(60) }) // after the 48 hours

    const hours = (await articleHours(payload, { scope: [w.brandA.id], article: article.id }))!
    expect(hours.startSource).toBe('push')
    expect(hours.hours).toHaveLength(48)
    expect(new Date(hours.start).getTime()).toBe(Math.floor(pushedAt / 3600_000) * 3600_000)
    expect(hours.hours[0].reads).toBe(2)
    expect(hours.hours[5]).toMatchObject({ taps: 1, orders: 1, revenue: 990 })
    expect(hours.hours.reduce((n, h) => n + h.reads, 0)).toBe(2)
    expect(await articleHours(payload, { scope: [w.brandB.id], article: article.id })).toBeNull()

    const token = await login(w.ownerA.email, w.password)
    const res = await rest('GET', `/funnel/article-hours?article=${article.id}`, { token })
    expect(res.status).toBe(200)
    expect(res.body.hours[5].orders).toBe(1)
    const theirs = await rest('GET', `/funnel/article-hours?article=${article.id}`, { token: await login(w.editorB.email, w.password) })
    expect(theirs.status).toBe(404)
    expect(theirs.body.error).toEqual({ code: 'NOT_FOUND', message: 'article: 没有找到这篇文章', field: 'article' })
    const unnamed = await rest('GET', '/funnel/article-hours?article=', { token })
    expect(unnamed.status).toBe(400)
    expect(unnamed.body.error).toEqual({ code: 'INVALID_QUERY', message: 'article: 请指定文章 ID', field: 'article' })
  })
})

describe('npm run funnel:rebuild', () => {
  it('reads DATABASE_URI, recounts, prints what it did and exits 0', async () => {
    const before = figures(await funnelReport(payload, { scope: [w.brandA.id], days: 90, now }))
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development' }
    const result = spawnSync(process.execPath, [path.resolve('scripts/funnel-rebuild.mjs')], { env, encoding: 'utf8', timeout: 180_000 })
    expect(result.status, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toMatch(/Recounted [\d,]+ raw events from \d{4}-\d{2}-\d{2}/)
    expect(figures(await funnelReport(payload, { scope: [w.brandA.id], days: 90, now }))).toEqual(before)
  }, 200_000)
})
