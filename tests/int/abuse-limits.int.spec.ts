// Production-safety doors, tried as an attacker would through the real REST handlers: per-address limits on
// checkout, holds, claims, sign-ups, joins, the beacon and logins (429 + Retry-After, counters in the database),
// per-reader limits that need a reader, 每单限购, the product's own payment window, and a production boot
// without a merchant or the sandbox (checkout 503, nothing held, /sandbox/* 404).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_LOGIN_REFUSED } from '@/collections/Users/hooks/refuseDemoLogins'
import { setClock } from '@/communities/clock'
import { counterKey, readCounter } from '@/db/counters'
import { hitWindow } from '@/db/rateLimits'
import { readStock } from '@/db/stock'
import { LIMITS, takeLimit } from '@/platform/limits'
import { demoAccounts } from '@/seed/demoAccounts'

import { shutdown } from '../helpers/payload'
import { rest } from '../helpers/rest'
import { type CheckoutBed, startCheckoutBed, stopCheckoutBed } from './checkoutBed'
import { type CommunityWorld, makeCommunities, newReader, readerPost } from './communityHelpers'

let t: CheckoutBed
let c: CommunityWorld
const NOW = new Date()
let ipCounter = 0
/** A fresh documentation-range address per test, so one test's counts never leak into another's. */
const newIp = () => `198.51.100.${++ipCounter}`
const from = (ip: string) => ({ 'x-forwarded-for': ip })

beforeAll(async () => {
  t = await startCheckoutBed()
  c = await makeCommunities(t.payload, t.world, NOW)
  setClock(NOW)
})
afterEach(() => {
  delete process.env.TUIWEN_SANDBOX
})
afterAll(async () => {
  setClock(null)
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})

const buy = (json: unknown, ip: string) => rest('POST', '/checkout', { json, headers: from(ip) })
const line = (product: string, quantity = 1) => ({ items: [{ product, quantity }], channel: 'native' })
const ordersOf = async (productId: string) =>
  (await t.payload.count({ collection: 'orders', where: { 'items.product': { equals: productId } }, overrideAccess: true })).totalDocs

describe('the counters (src/db/rateLimits.ts)', () => {
  it('count atomically: 200 parallel hits against a limit of 50 let exactly 50 through', async () => {
    const key = `test:${Date.now()}`
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => takeLimit(t.payload, 'claim', key)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(LIMITS.claim.limit)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toMatchObject({ status: 429, code: 'RATE_LIMITED' })
    expect(refused.reason.retryAfterS).toBeGreaterThan(0)
    expect(refused.reason.retryAfterS).toBeLessThanOrEqual(60)
  })

  it('start again in the next window', async () => {
    const key = `window:${Date.now()}`
    const at = Date.UTC(2026, 11, 1, 8, 0, 30)
    expect((await hitWindow(t.payload, key, 60_000, { now: at })).count).toBe(1)
    expect((await hitWindow(t.payload, key, 60_000, { now: at + 20_000 })).count).toBe(2)
    expect((await hitWindow(t.payload, key, 60_000, { now: at + 40_000 })).count).toBe(1)
  })
})

describe('checkout abuse', () => {
  it('100 checkouts at once from one address: only LIMITS.holds.limit hold stock, the rest get 429 with Retry-After; another address still buys', async () => {
    const p = await t.product(500)
    const ip = newIp()
    const results = await Promise.all(Array.from({ length: 100 }, () => buy(line(p.id), ip)))
    const created = results.filter((r) => r.status === 201)
    expect(created).toHaveLength(LIMITS.holds.limit)
    const refused = results.filter((r) => r.status === 429)
    expect(refused).toHaveLength(100 - LIMITS.holds.limit)
    expect(refused.every((r) => r.body.error.code === 'RATE_LIMITED' && Number(r.headers.get('retry-after')) > 0)).toBe(true)
    expect(await ordersOf(p.id)).toBe(LIMITS.holds.limit)
    expect(await readStock(t.payload, p.id)).toBe(500 - LIMITS.holds.limit)
    expect((await buy(line(p.id), newIp())).status).toBe(201)
  })

  it('a crowd from many addresses is never limited', async () => {
    const p = await t.product(300)
    const results = await Promise.all(Array.from({ length: 150 }, () => buy(line(p.id), newIp())))
    expect(results.filter((r) => r.status === 201)).toHaveLength(150)
  })

  it('每单限购: one order cannot take more than the product allows (default 20), and nothing is held', async () => {
    const p = await t.product(100)
    const over = await buy(line(p.id, 21), newIp())
    expect(over.status).toBe(400)
    expect(over.body.error).toMatchObject({ code: 'MAX_PER_ORDER', field: 'items[0].quantity' })
    const limited = await t.payload.update({ collection: 'products', id: p.id, data: { maxPerOrder: 2 }, overrideAccess: true })
    expect(limited.maxPerOrder).toBe(2)
    const split = await buy(
      {
        items: [
          { product: p.id, quantity: 2 },
          { product: p.id, quantity: 1 },
        ],
        channel: 'native',
      },
      newIp(),
    )
    expect(split.status).toBe(400)
    expect(split.body.error.message).toContain('每单限购 2 件')
    expect(await readStock(t.payload, p.id)).toBe(100)
    expect((await buy(line(p.id, 2), newIp())).status).toBe(201)
  })

  it('a product with its own payment window gives unpaid stock back sooner', async () => {
    const p = await t.product(10)
    await t.payload.update({ collection: 'products', id: p.id, data: { paymentWindowMinutes: 5 }, overrideAccess: true })
    const before = t.bed.clock.now()
    const res = await buy(line(p.id), newIp())
    expect(res.status).toBe(201)
    const minutes = (new Date(res.body.payment.expiresAt).getTime() - before) / 60_000
    expect(minutes).toBeGreaterThan(4.9)
    expect(minutes).toBeLessThan(5.1)
  })

  it('rejects a payment window or 每单限购 outside its range with a field error', async () => {
    const p = await t.product(10)
    await expect(t.payload.update({ collection: 'products', id: p.id, data: { paymentWindowMinutes: 0 }, overrideAccess: true })).rejects.toThrow(/支付时限/)
    await expect(t.payload.update({ collection: 'products', id: p.id, data: { maxPerOrder: 1.5 }, overrideAccess: true })).rejects.toThrow(/每单限购/)
  })
})

describe('per-reader limits need a reader', () => {
  it('60 cookie-less claims at once take no coupon; each is told to retry with the cookie it was given', async () => {
    const coupon = await t.payload.create({
      collection: 'coupons',
      data: {
        title: '无 cookie 券',
        community: c.communityA.id,
        brand: t.world.brandA.id,
        kind: 'fixed',
        amountOff: 500,
        totalQuantity: 40,
        perPersonLimit: 1,
        validFrom: new Date(NOW.getTime() - 3600_000).toISOString(),
        validUntil: new Date(NOW.getTime() + 86_400_000).toISOString(),
        status: 'published',
      },
    })
    const results = await Promise.all(Array.from({ length: 60 }, () => readerPost(`/coupons/${coupon.id}/claim`)))
    expect(results.every((r) => r.status === 403 && r.body.error.code === 'READER_REQUIRED' && r.setCookie)).toBe(true)
    expect((await readCounter(t.payload, counterKey('coupon', coupon.id)))?.used ?? 0).toBe(0)
    const cookie = results[0].setCookie!.split(';')[0]
    expect((await readerPost(`/coupons/${coupon.id}/claim`, cookie)).status).toBe(201)
  })

  it('30 cookie-less sign-ups at once fill no seat', async () => {
    const event = await t.payload.create({
      collection: 'community-events',
      data: {
        title: '五个座位',
        community: c.communityA.id,
        brand: t.world.brandA.id,
        startsAt: new Date(NOW.getTime() + 3 * 86_400_000).toISOString(),
        mode: 'online',
        capacity: 5,
        status: 'published',
      },
    })
    const results = await Promise.all(Array.from({ length: 30 }, () => readerPost(`/community-events/${event.id}/signup`)))
    expect(results.every((r) => r.status === 403)).toBe(true)
    expect(await readCounter(t.payload, counterKey('event', event.id))).toEqual({ used: 0, max: 5 })
    expect((await readerPost(`/community-events/${event.id}/signup`, newReader())).status).toBe(201)
  })

  it('one address is limited on joins, whatever cookies it sends', async () => {
    const ip = newIp()
    const join = () => rest('POST', `/communities/${c.communityA.id}/join`, { cookie: newReader(), headers: from(ip) })
    const results = await Promise.all(Array.from({ length: LIMITS.join.limit + 5 }, join))
    expect(results.filter((r) => r.status === 200)).toHaveLength(LIMITS.join.limit)
    expect(results.filter((r) => r.status === 429)).toHaveLength(5)
  })
})

describe('the beacon', () => {
  it('limits one address however many visitor cookies it rotates', async () => {
    const ip = newIp()
    const product = t.world.productA.id
    const batch = { events: Array.from({ length: 20 }, () => ({ type: 'landing_view', product })) }
    const send = () => rest('POST', '/funnel/events', { json: batch, headers: from(ip) })
    const statuses: number[] = []
    for (let i = 0; i < LIMITS.beacon.limit / 20 + 2; i++) statuses.push((await send()).status)
    expect(statuses.filter((s) => s === 204)).toHaveLength(LIMITS.beacon.limit / 20)
    expect(statuses.slice(-2)).toEqual([429, 429])
  })
})

describe('login', () => {
  const attempt = (email: string, password: string, ip: string) => rest('POST', '/users/login', { json: { email, password }, headers: from(ip) })

  it('refuses the published demo logins on a server without the 沙箱, and takes them with it', async () => {
    const demo = demoAccounts({}).editor
    await t.payload.create({ collection: 'users', data: { email: demo.email, password: demo.password, name: demo.name }, overrideAccess: true })
    const saved = process.env.TUIWEN_SANDBOX
    process.env.TUIWEN_SANDBOX = '0'
    try {
      const refused = await attempt(demo.email.toUpperCase(), demo.password, newIp())
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toBe(DEMO_LOGIN_REFUSED)
      expect(refused.body.errors[0].data).toEqual({ code: 'DEMO_LOGIN_REFUSED' })
    } finally {
      process.env.TUIWEN_SANDBOX = saved
    }
    expect((await attempt(demo.email, demo.password, newIp())).status).toBe(200)
  })

  it('answers unknown, wrong-password and often-failed accounts alike, and never locks the owner out from elsewhere', async () => {
    const ip = newIp()
    const real = t.world.editorA.email
    const unknown = `nobody-${Date.now()}@test.local`
    const wrong = await attempt(real, 'wrong-password', ip)
    const missing = await attempt(unknown, 'wrong-password', ip)
    expect(wrong.status).toBe(401)
    expect(missing.status).toBe(401)
    expect(missing.body).toEqual(wrong.body)
    for (let i = 0; i < LIMITS.loginPerAccountAndIp.limit - 1; i++) {
      await attempt(real, 'wrong-password', ip)
      await attempt(unknown, 'wrong-password', ip)
    }
    const lockedReal = await attempt(real, 'wrong-password', ip)
    const lockedUnknown = await attempt(unknown, 'wrong-password', ip)
    expect(lockedReal.status).toBe(429)
    expect(lockedUnknown.status).toBe(429)
    expect(lockedUnknown.body).toEqual(lockedReal.body)
    expect(Number(lockedReal.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(lockedReal.body)).not.toMatch(/locked|锁定/i)
    // Even the right password waits on that address, but the owner logs in from another one.
    expect((await attempt(real, t.world.password, ip)).status).toBe(429)
    expect((await attempt(real, t.world.password, newIp())).status).toBe(200)
  })

  it('throttles one address guessing across many accounts', async () => {
    const ip = newIp()
    const statuses: number[] = []
    for (let i = 0; i < LIMITS.loginPerIp.limit + 1; i++) statuses.push((await attempt(`guess-${i}-${Date.now()}@test.local`, 'x', ip)).status)
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMITS.loginPerIp.limit)
    expect(statuses.at(-1)).toBe(429)
  })

  it('does not count successful logins', async () => {
    const ip = newIp()
    for (let i = 0; i < LIMITS.loginPerAccountAndIp.limit + 3; i++) expect((await attempt(t.world.ownerA.email, t.world.password, ip)).status).toBe(200)
  })
})

describe('a production boot without a merchant or the sandbox', () => {
  it('checkout answers 503 PAYMENT_UNAVAILABLE and holds nothing; the sandbox routes are 404', async () => {
    const p = await t.product(5)
    process.env.TUIWEN_SANDBOX = '0'
    const res = await buy(line(p.id), newIp())
    expect(res.status).toBe(503)
    expect(res.body.error.code).toBe('PAYMENT_UNAVAILABLE')
    expect(res.body.error.message).toMatch(/微信支付/)
    expect(await readStock(t.payload, p.id)).toBe(5)
    expect(await ordersOf(p.id)).toBe(0)
    const pay = await import('@/app/sandbox/wechatpay/[...path]/route')
    expect((await pay.POST(new Request('http://localhost/sandbox/wechatpay/sandbox/pay/x', { method: 'POST' }))).status).toBe(404)
    const oa = await import('@/app/sandbox/wechat/[...path]/route')
    expect((await oa.GET(new Request('http://localhost/sandbox/wechat/cgi-bin/token?grant_type=client_credential&appid=a&secret=b'))).status).toBe(404)
  })
})
