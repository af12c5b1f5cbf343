// Funnel figures: a scripted sequence of events, orders and imported WeChat reads gives exactly the expected
// per-article, per-block and per-product numbers; each brand sees only its own (REST, CSV, collection reads).
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { funnelReport } from '@/analytics/funnel'
import { recordEvent } from '@/analytics/record'
import type { Article } from '@/payload-types'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'
import { call, makeArticle, makeOrder } from './funnelBed'

let payload: Payload
let w: World
let a1: Article
let a2: Article
let b1: Article
const DAY = 86_400_000
const tokens = new Map<string, string>()
const tokenOf = async (email: string) => tokens.get(email) ?? tokens.set(email, await login(email, w.password)).get(email)!

const times = async (count: number, fn: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < count; i++) await fn(i)
}

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  a1 = await makeArticle(payload, w.brandA.id, '春茶指南', [w.productA.id, w.productA.id])
  a2 = await makeArticle(payload, w.brandA.id, '夏日冷泡', [w.productA.id])
  b1 = await makeArticle(payload, w.brandB.id, '咖啡入门', [w.productB.id])
  const A = a1.id
  const P = w.productA.id
  // Article 1: 10 web views, impressions 8/6, taps 4/2, landings 3/2, checkouts 2/1 on blocks 0/1.
  await times(10, (i) => recordEvent(payload, { type: 'article_view', article: A, visitor: `v${i}` }))
  await times(8, () => recordEvent(payload, { type: 'block_impression', article: A, block: 0 }))
  await times(6, () => recordEvent(payload, { type: 'block_impression', article: A, block: 1 }))
  await times(4, () => recordEvent(payload, { type: 'block_tap', article: A, block: 0 }))
  await times(2, () => recordEvent(payload, { type: 'block_tap', article: A, block: 1 }))
  await times(3, () => recordEvent(payload, { type: 'landing_view', article: A, block: 0, product: P, channel: 'qr' }))
  await times(2, () => recordEvent(payload, { type: 'landing_view', article: A, block: 1, product: P }))
  await times(2, () => recordEvent(payload, { type: 'checkout_started', article: A, block: 0, product: P }))
  await recordEvent(payload, { type: 'checkout_started', article: A, block: 1, product: P })
  // Outside the 7-day window: 10 days ago (in the 30-day one) and 40 days ago (in neither).
  await recordEvent(payload, { type: 'article_view', article: A, at: new Date(Date.now() - 10 * DAY) })
  await recordEvent(payload, { type: 'article_view', article: A, at: new Date(Date.now() - 40 * DAY) })
  // Orders: block 0 paid (2 × ¥12.90), block 1 paid then refunded, one unpaid (never counted).
  await makeOrder(payload, { brand: w.brandA.id, product: P, quantity: 2, article: A, block: 0 })
  await makeOrder(payload, { brand: w.brandA.id, product: P, status: 'refunded', article: A, block: 1 })
  await makeOrder(payload, { brand: w.brandA.id, product: P, status: 'pending_payment', article: A, block: 0 })
  // WeChat's own reads of article 1, imported from datacube.
  await payload.create({
    collection: 'article-stats',
    data: {
      key: 'daily:test:1_1:x',
      kind: 'daily',
      day: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      msgid: '1_1',
      article: A,
      brand: w.brandA.id,
      readCount: 40,
      shareCount: 5,
    },
  })
  // Follows through article 1's follow QR: 3 new followers this week, 1 already-following scan (not new),
  // 1 six weeks ago; 1 via the community's QR (brand total only); brand B's one is never A's.
  const accountOf = (brand: string, appId: string) =>
    payload.create({ collection: 'wechat-accounts', data: { name: '公众号', appId, brand, accountType: 'service' } })
  const accA = await accountOf(w.brandA.id, 'wx00000000000f0a01')
  const accB = await accountOf(w.brandB.id, 'wx00000000000f0b01')
  let follow = 0
  const followed = (data: { brand: string; account: string; article?: string; event?: 'subscribe' | 'scan'; at?: Date }) =>
    payload.create({
      collection: 'follows',
      data: { openid: `o${++follow}`, event: 'subscribe', dedupeKey: `f${follow}`, ...data, at: (data.at ?? new Date()).toISOString() },
    })
  await times(3, () => followed({ brand: w.brandA.id, account: accA.id, article: A }))
  await followed({ brand: w.brandA.id, account: accA.id, article: A, event: 'scan' })
  await followed({ brand: w.brandA.id, account: accA.id, article: A, at: new Date(Date.now() - 40 * DAY) })
  await followed({ brand: w.brandA.id, account: accA.id })
  await followed({ brand: w.brandB.id, account: accB.id })
  // Article 2: 5 views, one paid order without a block. Brand B: 7 views, one paid ¥99.90 order.
  await times(5, () => recordEvent(payload, { type: 'article_view', article: a2.id }))
  await makeOrder(payload, { brand: w.brandA.id, product: P, article: a2.id })
  await times(7, () => recordEvent(payload, { type: 'article_view', article: b1.id }))
  await makeOrder(payload, { brand: w.brandB.id, product: w.productB.id, unitPrice: 9990, article: b1.id, block: 0 })
})
afterAll(() => shutdown(payload))

describe('funnel figures', () => {
  it('per article and per block, exactly', async () => {
    const report = await funnelReport(payload, { scope: [w.brandA.id], days: 7 })
    const row = report.articles.find((a) => a.article === a1.id)!
    expect(row).toMatchObject({
      title: '春茶指南',
      webReads: 10,
      wechatReads: 40,
      wechatShares: 5,
      reads: 50,
      impressions: 14,
      taps: 6,
      landingViews: 5,
      checkouts: 3,
      orders: 2,
      // Revenue is what was paid (the refunded order too); the refund is shown apart.
      revenue: 3870,
      refunds: 1,
      refundAmount: 1290,
      follows: 3,
    })
    expect(row.conversion).toEqual({ tapRate: 0.12, landingRate: 0.8333, checkoutRate: 0.6, payRate: 0.6667, overall: 0.04 })
    expect(row.blocks).toHaveLength(2)
    expect(row.blocks).toMatchObject([
      {
        block: 0,
        impressions: 8,
        taps: 4,
        landingViews: 3,
        checkouts: 2,
        orders: 1,
        revenue: 2580,
        refunds: 0,
        conversion: { tapRate: null, landingRate: 0.75, checkoutRate: 0.6667, payRate: 0.5, overall: null },
      },
      {
        block: 1,
        impressions: 6,
        taps: 2,
        landingViews: 2,
        checkouts: 1,
        orders: 1,
        revenue: 1290,
        refunds: 1,
        refundAmount: 1290,
        conversion: { tapRate: null, landingRate: 1, checkoutRate: 0.5, payRate: 1, overall: null },
      },
    ])
    // Blocks are named by their product (and position), from the article as it is now.
    expect(row.blocks.map((b) => b.name)).toEqual([`「${w.productA.title}」（第 1 个商品块）`, `「${w.productA.title}」（第 2 个商品块）`])
    const second = report.articles.find((a) => a.article === a2.id)!
    expect(second).toMatchObject({ reads: 5, webReads: 5, taps: 0, orders: 1, revenue: 1290, blocks: [] })
    expect(report.totals).toMatchObject({
      reads: 55,
      taps: 6,
      landingViews: 5,
      checkouts: 3,
      orders: 3,
      revenue: 5160,
      refunds: 1,
      refundAmount: 1290,
      follows: 4,
    })
    expect(report.daily.reduce((n, d) => n + d.follows, 0)).toBe(4)
    // Revenue first: article 1 (¥38.70) before article 2 (¥12.90).
    expect(report.articles.map((a) => a.article)).toEqual([a1.id, a2.id])
  })

  it('per product: which articles sold it', async () => {
    const report = await funnelReport(payload, { scope: [w.brandA.id], days: 7 })
    expect(report.products).toHaveLength(1)
    // The same revenue as the article table: what was paid, the refunded order included, its refund apart.
    expect(report.products[0]).toMatchObject({
      product: w.productA.id,
      title: w.productA.title,
      landingViews: 5,
      orders: 3,
      units: 4,
      revenue: 5160,
      refunds: 1,
      refundAmount: 1290,
    })
    expect(report.products[0].articles).toEqual([
      { article: a1.id, title: '春茶指南', orders: 2, units: 3, revenue: 3870 },
      { article: a2.id, title: '夏日冷泡', orders: 1, units: 1, revenue: 1290 },
    ])
  })

  it('per brand: last 7 and 30 days, with a daily series', async () => {
    const week = await funnelReport(payload, { scope: [w.brandA.id], days: 7 })
    const month = await funnelReport(payload, { scope: [w.brandA.id], days: 30 })
    expect(week.daily).toHaveLength(7)
    expect(month.daily).toHaveLength(30)
    expect(week.totals.webReads).toBe(15)
    expect(month.totals.webReads).toBe(16) // + the view 10 days ago; the one 40 days ago is in neither
    expect(week.daily.reduce((s, d) => s + d.orders, 0)).toBe(3)
    expect(week.daily[6]).toMatchObject({ orders: 3, revenue: 5160, refunds: 1, refundAmount: 1290 })
  })
})

describe('brand isolation', () => {
  it('REST report: a brand user sees only their brand; another brand is 403; anonymous is 401', async () => {
    const tokenA = await tokenOf(w.ownerA.email)
    const own = await rest('GET', '/funnel/report?days=7', { token: tokenA })
    expect(own.status).toBe(200)
    expect(own.body.articles.map((a: { article: string }) => a.article).sort()).toEqual([a1.id, a2.id].sort())
    expect(own.body.totals).toMatchObject({ orders: 3, revenue: 5160 })
    expect(JSON.stringify(own.body)).not.toContain(b1.id)
    const otherBrand = await rest('GET', `/funnel/report?brand=${w.brandB.id}`, { token: tokenA })
    expect(otherBrand.status).toBe(403)
    expect(otherBrand.body.error).toEqual({ code: 'FORBIDDEN', message: 'forbidden' })
    const anonymous = await rest('GET', '/funnel/report')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error).toEqual({ code: 'LOGIN_REQUIRED', message: 'login required' })

    const tokenB = await tokenOf(w.editorB.email)
    const other = await rest('GET', '/funnel/report?days=30', { token: tokenB })
    expect(other.body.articles.map((a: { article: string }) => a.article)).toEqual([b1.id])
    expect(other.body.totals).toMatchObject({ webReads: 7, orders: 1, revenue: 9990 })

    const admin = await tokenOf(w.admin.email)
    const all = await rest('GET', '/funnel/report', { token: admin })
    expect(all.body.articles.map((a: { article: string }) => a.article)).toEqual(expect.arrayContaining([a1.id, a2.id, b1.id]))
    const onlyB = await rest('GET', `/funnel/report?brand=${w.brandB.id}`, { token: admin })
    expect(onlyB.body.articles.map((a: { article: string }) => a.article)).toEqual([b1.id])
  })

  it('CSV export is scoped the same way, with BOM, Chinese headers and yuan', async () => {
    const tokenA = await tokenOf(w.ownerA.email)
    const res = await call('/api/funnel/export.csv?kind=articles&days=7', { headers: { authorization: `JWT ${tokenA}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    const lines = text.trim().split('\r\n')
    expect(lines[0]).toMatch(/^文章ID,标题,阅读\(合计\)/)
    expect(lines.find((l) => l.startsWith(a1.id))).toBe(`${a1.id},春茶指南,50,10,40,5,3,14,6,5,3,2,38.70,1,12.90,50,6,5,3,2,12.00%,83.33%,60.00%,66.67%,4.00%`)
    expect(text).not.toContain('咖啡入门')
    const blocks = await (await call('/api/funnel/export.csv?kind=blocks', { headers: { authorization: `JWT ${tokenA}` } })).text()
    expect(blocks).toContain(`${a1.id},春茶指南,0,「${w.productA.title}」（第 1 个商品块）,8,4,3,2,1,25.80,0,0.00,75.00%,66.67%,50.00%`)
    const products = await (await call('/api/funnel/export.csv?kind=products', { headers: { authorization: `JWT ${tokenA}` } })).text()
    expect(products).toContain(`${w.productA.id},${w.productA.title},${a2.id},夏日冷泡,1,1,12.90`)
    const refusedCsv = await call(`/api/funnel/export.csv?brand=${w.brandB.id}`, { headers: { authorization: `JWT ${tokenA}` } })
    expect(refusedCsv.status).toBe(403)
    expect((await refusedCsv.json()).error.code).toBe('FORBIDDEN')
  })

  it('the raw collections are brand-scoped too', async () => {
    const tokenA = await tokenOf(w.ownerA.email)
    const events = await rest('GET', '/funnel-events?limit=200&depth=0', { token: tokenA })
    expect(events.status).toBe(200)
    expect(events.body.docs.length).toBeGreaterThan(0)
    expect(events.body.docs.every((e: { brand: string }) => e.brand === w.brandA.id)).toBe(true)
    const stats = await rest('GET', '/article-stats', { token: await tokenOf(w.editorB.email) })
    expect(stats.body.docs).toEqual([])
    expect((await rest('GET', '/funnel-events')).body.docs ?? []).toEqual([])
    // Nobody writes events through the REST API.
    expect((await rest('POST', '/funnel-events', { token: await tokenOf(w.admin.email), json: { type: 'paid', brand: w.brandA.id } })).status).toBe(403)
  })
})
