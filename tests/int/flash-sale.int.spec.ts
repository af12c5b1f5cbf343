// 秒杀 at checkout: saleStartsAt (409 NOT_STARTED with the start time, nothing taken — also 50 at once) and
// limitPerBuyer (400 BUYER_REQUIRED, 409 LIMIT_REACHED; 50 parallel checkouts of one buyer → exactly the limit),
// keyed on the WeChat openid else the phone (hashed), given back when an unpaid order is cancelled, never when paid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { POST as buyFormPost } from '@/app/(frontend)/p/[slug]/buy/route'
import { GET as clockRoute } from '@/app/(frontend)/p/[slug]/clock/route'
import { GET as startRoute } from '@/app/(frontend)/p/[slug]/start/route'
import { refusalMessage } from '@/commerce/checkoutMessages'
import { expireOrders } from '@/commerce/expire'
import { buyerCounterKey, buyerHash } from '@/commerce/flashSale'
import { transitionOrder } from '@/commerce/orderState'
import { setPayGatewayForTests } from '@/commerce/payGateway'
import { readCounter } from '@/db/counters'
import { readStock } from '@/db/stock'
import type { Coupon, CouponClaim, Customer, Product } from '@/payload-types'
import { readerCookie } from '@/platform/reader'

import { shutdown } from '../helpers/payload'
import { prepay, rest } from '../helpers/rest'
import { type CheckoutBed, SHIP_TO, startCheckoutBed, stopCheckoutBed } from './checkoutBed'
import { type CommunityWorld, DAY, makeCommunities, newReader, readerPost } from './communityHelpers'

let t: CheckoutBed
let c: CommunityWorld
let address = 0

beforeAll(async () => {
  t = await startCheckoutBed()
  c = await makeCommunities(t.payload, t.world, new Date(t.bed.clock.now()))
})
afterAll(async () => {
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})

/** A fresh client address per request: the per-address abuse limits (src/platform/limits) stay on and never interfere. */
const nextAddress = () => `10.20.${Math.floor(++address / 250)}.${(address % 250) + 1}`

type BuyOptions = { phone?: string; quantity?: number; cookie?: string; coupon?: string; ip?: string }
const buy = (productId: string, { phone, quantity = 1, cookie, coupon, ip = nextAddress() }: BuyOptions = {}) =>
  rest('POST', '/checkout', {
    json: {
      items: [{ product: productId, quantity }],
      channel: 'native',
      ...(phone ? { buyer: { name: '抢购者', phone } } : {}),
      ...(coupon ? { coupon } : {}),
    },
    headers: { 'x-forwarded-for': ip },
    cookie,
  })

const flashProduct = async (stock: number, fields: { saleStartsAt?: string; limitPerBuyer?: number; paymentWindowMinutes?: number }) => {
  const p = await t.product(stock)
  return (await t.payload.update({ collection: 'products', id: p.id, data: fields, overrideAccess: true })) as Product
}
const ordersOf = async (productId: string) =>
  (await t.payload.find({ collection: 'orders', where: { 'items.product': { equals: productId } }, limit: 0, pagination: false, overrideAccess: true })).docs
const statuses = (results: Array<{ status: number }>) => results.map((r) => r.status)
const count = (xs: number[], x: number) => xs.filter((s) => s === x).length
const phoneUnits = async (productId: string, phone: string) => (await readCounter(t.payload, buyerCounterKey(productId, buyerHash('phone', phone))))?.used ?? 0

const coupon = () =>
  t.payload.create({
    collection: 'coupons',
    data: {
      title: '秒杀券',
      community: c.communityA.id,
      brand: t.world.brandA.id,
      kind: 'fixed',
      amountOff: 100,
      minSpend: 0,
      validFrom: new Date(t.bed.clock.now() - DAY).toISOString(),
      validUntil: new Date(t.bed.clock.now() + 30 * DAY).toISOString(),
      totalQuantity: 100,
      perPersonLimit: 1,
      status: 'published',
    },
  }) as Promise<Coupon>

describe('saleStartsAt', () => {
  it('before the start: 409 NOT_STARTED with the start time (Beijing time in the message, ISO in error.startsAt); nothing held, no coupon taken', async () => {
    const start = t.bed.clock.now() + 10 * 60_000
    const p = await flashProduct(5, { saleStartsAt: new Date(start).toISOString(), limitPerBuyer: 2 })
    const reader = newReader()
    const claim = await readerPost(`/coupons/${(await coupon()).id}/claim`, reader)
    expect(claim.status).toBe(201)

    const res = await buy(p.id, { phone: '13800000100', cookie: reader, coupon: claim.body.claim.code })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('NOT_STARTED')
    expect(res.body.error.startsAt).toBe(new Date(start).toISOString())
    const beijing = new Date(start + 8 * 3600_000)
    const hhmm = `${String(beijing.getUTCHours()).padStart(2, '0')}:${String(beijing.getUTCMinutes()).padStart(2, '0')}`
    expect(res.body.error.message).toContain(`${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${hhmm}`)

    expect(await readStock(t.payload, p.id)).toBe(5)
    expect(await ordersOf(p.id)).toHaveLength(0)
    expect(await phoneUnits(p.id, '13800000100')).toBe(0)
    const row = (await t.payload.findByID({ collection: 'coupon-claims', id: claim.body.claim.id, overrideAccess: true, depth: 0 })) as CouponClaim
    expect(row.status).toBe('claimed')
  })

  it('50 parallel checkouts before the start all answer NOT_STARTED and hold nothing; right at the start one succeeds', async () => {
    const start = t.bed.clock.now() + 60_000
    const p = await flashProduct(10, { saleStartsAt: new Date(start).toISOString() })
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => buy(p.id, { phone: `1390000${String(i).padStart(4, '0')}` })))
    expect(count(statuses(results), 409)).toBe(50)
    expect(results.every((r) => r.body.error.code === 'NOT_STARTED')).toBe(true)
    expect(await readStock(t.payload, p.id)).toBe(10)
    expect(await ordersOf(p.id)).toHaveLength(0)

    t.bed.clock.set(start - 1)
    expect((await buy(p.id)).body.error?.code).toBe('NOT_STARTED')
    t.bed.clock.set(start)
    const ok = await buy(p.id)
    expect(ok.status).toBe(201)
    expect(await readStock(t.payload, p.id)).toBe(9)
  })

  it('the no-JavaScript buy form lands on a page that says when the sale starts', async () => {
    const start = t.bed.clock.now() + 3600_000
    const p = await flashProduct(3, { saleStartsAt: new Date(start).toISOString() })
    const form = new FormData()
    form.set('product', p.id)
    form.set('quantity', '1')
    for (const [k, v] of Object.entries(SHIP_TO)) form.set(k, v)
    const res = await buyFormPost(
      new Request(`http://localhost/p/${p.slug}/buy`, { method: 'POST', body: form, headers: { 'x-forwarded-for': nextAddress() } }),
      {
        params: Promise.resolve({ slug: p.slug! }),
      },
    )
    expect(res.status).toBe(303)
    const location = res.headers.get('location')!
    expect(location).toContain('error=NOT_STARTED')
    expect(refusalMessage('NOT_STARTED', new URL(location, 'http://localhost').searchParams)).toMatch(/^秒杀还没开始：\d+月\d+日 \d\d:\d\d 开抢/)
    expect(await readStock(t.payload, p.id)).toBe(3)
  })
})

describe('limitPerBuyer', () => {
  it('without an openid or a phone: 400 BUYER_REQUIRED on buyer.phone, nothing held', async () => {
    const p = await flashProduct(5, { limitPerBuyer: 2 })
    const res = await buy(p.id)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'BUYER_REQUIRED', field: 'buyer.phone' })
    expect(res.body.error.message).toContain('手机号')
    expect(await readStock(t.payload, p.id)).toBe(5)
    expect(await ordersOf(p.id)).toHaveLength(0)
  })

  it('one after another: the limit holds across orders and phone spellings; 409 LIMIT_REACHED says 每人限购 N 件; other buyers are unaffected', async () => {
    const p = await flashProduct(20, { limitPerBuyer: 2 })
    expect((await buy(p.id, { phone: '13800000001' })).status).toBe(201)
    const over = await buy(p.id, { phone: '+86 138-0000-0001', quantity: 2 })
    expect(over.status).toBe(409)
    expect(over.body.error).toMatchObject({ code: 'LIMIT_REACHED', limit: 2, remaining: 1 })
    expect(over.body.error.message).toContain('每人限购 2 件')
    expect((await buy(p.id, { phone: '+86 138 0000 0001' })).status).toBe(201)
    const third = await buy(p.id, { phone: '13800000001' })
    expect(third.status).toBe(409)
    expect(third.body.error).toMatchObject({ code: 'LIMIT_REACHED', remaining: 0 })
    expect((await buy(p.id, { phone: '13800000002', quantity: 3 })).body.error).toMatchObject({ code: 'LIMIT_REACHED', remaining: 2 })
    expect((await buy(p.id, { phone: '13800000002', quantity: 2 })).status).toBe(201)
    expect(await readStock(t.payload, p.id)).toBe(16)
    expect(await phoneUnits(p.id, '13800000001')).toBe(2)
    // the counters never hold the phone number itself
    const counters = await t.payload.find({ collection: 'community-counters', where: { key: { like: `flash-buyer:${p.id}` } }, limit: 0, overrideAccess: true })
    expect(counters.docs).toHaveLength(2)
    for (const row of counters.docs) expect(row.key).not.toMatch(/13800000|8613/)
    const orders = await ordersOf(p.id)
    expect(orders.every((o) => typeof o.buyerKey === 'string' && !/13800000/.test(o.buyerKey))).toBe(true)
  })

  it('50 parallel checkouts by one buyer (quantity 1, limit 2) → exactly 2 orders; a second buyer in the same crowd gets their 2', async () => {
    for (let round = 0; round < 2; round++) {
      const p = await flashProduct(100, { limitPerBuyer: 2 })
      const phone = `1370000${round}001`
      const other = `1370000${round}002`
      const results = await Promise.all([
        ...Array.from({ length: 50 }, () => buy(p.id, { phone })),
        ...Array.from({ length: 10 }, () => buy(p.id, { phone: other })),
      ])
      const mine = statuses(results.slice(0, 50))
      expect(count(mine, 201)).toBe(2)
      expect(count(mine, 409)).toBe(48)
      expect(
        results
          .slice(0, 50)
          .filter((r) => r.status === 409)
          .every((r) => r.body.error.code === 'LIMIT_REACHED'),
      ).toBe(true)
      expect(count(statuses(results.slice(50)), 201)).toBe(2)
      expect(await readStock(t.payload, p.id)).toBe(96)
      expect(await ordersOf(p.id)).toHaveLength(4)
      expect(await phoneUnits(p.id, phone)).toBe(2)
    }
  })

  it('50 parallel checkouts of quantity 2 against limit 3 → exactly one order', async () => {
    const p = await flashProduct(100, { limitPerBuyer: 3 })
    const results = await Promise.all(Array.from({ length: 50 }, () => buy(p.id, { phone: '13600000001', quantity: 2 })))
    expect(count(statuses(results), 201)).toBe(1)
    expect(await readStock(t.payload, p.id)).toBe(98)
    expect(await phoneUnits(p.id, '13600000001')).toBe(2)
  })

  it('a recognised WeChat reader is one buyer whatever phone they type; the openid needs no phone', async () => {
    const account = await t.payload.create({
      collection: 'wechat-accounts',
      data: { name: '秒杀测试号', appId: 'wx00000000000f1a5e', appSecret: 'secret-flash', accountType: 'service', verified: true, brand: t.world.brandA.id },
      overrideAccess: true,
    })
    const customer = (await t.payload.create({
      collection: 'customers',
      data: { openid: 'o_flash_buyer_0001', appId: 'wx00000000000f1a5e', account: account.id, brand: t.world.brandA.id },
      overrideAccess: true,
    })) as Customer
    const cookie = readerCookie(customer.id, Date.now(), false).split(';')[0]
    const p = await flashProduct(20, { limitPerBuyer: 2 })
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => buy(p.id, { cookie, ...(i % 2 ? { phone: `1350000${String(i).padStart(4, '0')}` } : {}) })),
    )
    expect(count(statuses(results), 201)).toBe(2)
    expect((await readCounter(t.payload, buyerCounterKey(p.id, buyerHash('openid', 'o_flash_buyer_0001'))))?.used).toBe(2)
    // someone else with a phone still buys
    expect((await buy(p.id, { phone: '13500009999' })).status).toBe(201)
  })

  it('a checkout that fails after the allowance was taken gives it back (sold out, bad coupon); a failed prepay keeps the order payable', async () => {
    const p = await flashProduct(1, { limitPerBuyer: 2 })
    const phone = '13300000001'
    expect((await buy(p.id, { phone })).status).toBe(201)
    expect(await phoneUnits(p.id, phone)).toBe(1)
    const soldOut = await buy(p.id, { phone })
    expect(soldOut.body.error.code).toBe('OUT_OF_STOCK')
    expect(await phoneUnits(p.id, phone)).toBe(1)

    const q = await flashProduct(5, { limitPerBuyer: 1 })
    const badCoupon = await buy(q.id, { phone, coupon: 'NOSUCHCODE' })
    expect(badCoupon.body.error.code).toBe('COUPON_NOT_FOUND')
    expect(await phoneUnits(q.id, phone)).toBe(0)

    const gateway = {
      mode: 'sandbox' as const,
      client: t.bed.client,
      notifyUrl: t.bed.config.notifyUrl,
      sandboxBase: t.bed.emulatorServer.url,
      origin: 'http://localhost',
      now: t.bed.clock.now,
    }
    // The prepay is asked at the buyer's tap: WeChat Pay down then is a 502 the buyer can retry, not a lost order.
    const placed = await buy(q.id, { phone })
    expect(placed.status).toBe(201)
    setPayGatewayForTests({ ...gateway, client: { ...t.bed.client, prepayNative: async () => Promise.reject(new Error('prepay down')) } })
    try {
      const failed = await prepay(placed.body)
      expect(failed.status).toBe(502)
      expect(failed.body.error.code).toBe('PAYMENT_UNAVAILABLE')
    } finally {
      setPayGatewayForTests(gateway)
    }
    expect(await phoneUnits(q.id, phone)).toBe(1)
    expect(await readStock(t.payload, q.id)).toBe(4)
    expect((await prepay(placed.body)).status).toBe(200)
    expect(t.bed.emulator.getOrder(placed.body.payment.outTradeNo)).toBeDefined()
  })

  it('an unpaid order that expires gives the buyer its units back exactly once; paid and refunded orders keep theirs', async () => {
    const p = await flashProduct(10, { limitPerBuyer: 2, paymentWindowMinutes: 5 })
    const early = await buy(p.id, { phone: '13200000001' })
    expect(early.status).toBe(201)
    const paid = await buy(p.id, { phone: '13200000002', quantity: 2 })
    expect(paid.status).toBe(201)
    expect((await prepay(paid.body)).status).toBe(200)
    t.bed.emulator.confirmPayment(paid.body.payment.outTradeNo) // the money arrived; the callback did not (yet)
    t.bed.clock.advance(3 * 60_000)
    const later = await buy(p.id, { phone: '13200000001' }) // still within the first order's window
    expect(later.status).toBe(201)
    expect((await buy(p.id, { phone: '13200000001' })).body.error.code).toBe('LIMIT_REACHED')

    t.bed.clock.advance(2 * 60_000 + 1000) // the first order's 5 minutes are over, not the later one's
    const now = t.bed.clock.now()
    const runs = await Promise.all([expireOrders(t.payload, now), expireOrders(t.payload, now), expireOrders(t.payload, now)])
    expect(runs.reduce((n, r) => n + r.cancelled, 0)).toBe(1)
    const statusOf = async (id: string) => (await t.payload.findByID({ collection: 'orders', id, overrideAccess: true })).status
    expect(await statusOf(early.body.order.id)).toBe('cancelled')
    expect(await statusOf(later.body.order.id)).toBe('pending_payment')
    expect(await statusOf(paid.body.order.id)).toBe('paid') // settled by the expiry job's query instead of cancelled
    expect(await phoneUnits(p.id, '13200000001')).toBe(1) // one unit back (twice would be 0), the later order's kept
    expect(await phoneUnits(p.id, '13200000002')).toBe(2)
    expect(await readStock(t.payload, p.id)).toBe(7)
    expect((await buy(p.id, { phone: '13200000001' })).status).toBe(201)
    expect((await buy(p.id, { phone: '13200000001' })).body.error.code).toBe('LIMIT_REACHED')

    // refunded: the buyer bought them; the limit counts purchases, so nothing comes back
    await transitionOrder(t.payload, paid.body.order.id, { from: 'paid', to: 'refunding', reason: 'test', actor: 'test' })
    await transitionOrder(t.payload, paid.body.order.id, { from: 'refunding', to: 'refunded', reason: 'test', actor: 'test' })
    expect(await phoneUnits(p.id, '13200000002')).toBe(2)
    expect((await buy(p.id, { phone: '13200000002' })).body.error.code).toBe('LIMIT_REACHED')
  })
})

describe('landing page routes (server clock, no-JavaScript start gate)', () => {
  const params = (slug: string) => ({ params: Promise.resolve({ slug }) })

  it('/p/<slug>/clock answers the server time and the start, uncached', async () => {
    const start = Date.now() + 3600_000
    const p = await flashProduct(1, { saleStartsAt: new Date(start).toISOString() })
    const before = Date.now()
    const res = await clockRoute(new Request(`http://localhost/p/${p.slug}/clock`), params(p.slug!))
    const body = await res.json()
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(body.startsAt).toBe(new Date(start).toISOString())
    expect(body.now).toBeGreaterThanOrEqual(before)
    expect(body.now).toBeLessThanOrEqual(Date.now())
    expect((await clockRoute(new Request('http://localhost/p/nope/clock'), params('nope'))).status).toBe(404)
  })

  it('/p/<slug>/start holds a reader until the start, then sends them to the page with its attribution', async () => {
    const start = Date.now() + 1_500
    const p = await flashProduct(1, { saleStartsAt: new Date(start).toISOString() })
    const referer = `http://localhost/p/${p.slug}?from=art-9&b=2&sharer=s1&evil=%3Cx%3E`
    const res = await startRoute(new Request(`http://localhost/p/${p.slug}/start`, { headers: { referer } }), params(p.slug!))
    expect(Date.now()).toBeGreaterThanOrEqual(start)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/p/${p.slug}?from=art-9&b=2&sharer=s1`)

    // far from the start: straight back (the page asks again later); after it: straight to the page
    const later = await flashProduct(1, { saleStartsAt: new Date(Date.now() + 3600_000).toISOString() })
    const t0 = Date.now()
    const bounce = await startRoute(new Request(`http://localhost/p/${later.slug}/start`), params(later.slug!))
    expect(Date.now() - t0).toBeLessThan(1_000)
    expect(bounce.headers.get('location')).toBe(`/p/${later.slug}`)
    const done = await startRoute(new Request(`http://localhost/p/${p.slug}/start`), params(p.slug!))
    expect(done.headers.get('location')).toBe(`/p/${p.slug}`)
  })
})
