// POST /api/checkout with a claimed community coupon: the discount is computed on the server, a bad coupon
// holds no stock, one claim wins one order (also under concurrency), and a cancelled/expired order gives it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { POST as buyFormPost } from '@/app/(frontend)/p/[slug]/buy/route'
import { bestCoupon, couponChoices } from '@/commerce/couponChoices'
import { expireOrders } from '@/commerce/expire'
import { transitionOrder } from '@/commerce/orderState'
import { readStock } from '@/db/stock'
import type { Coupon, CouponClaim, Order } from '@/payload-types'
import { readerOf } from '@/platform/reader'

import { shutdown } from '../helpers/payload'
import { prepay } from '../helpers/rest'
import { type CheckoutBed, SHIP_TO, startCheckoutBed, stopCheckoutBed } from './checkoutBed'
import { type CommunityWorld, DAY, makeCommunities, newReader, readerPost } from './communityHelpers'

let t: CheckoutBed
let c: CommunityWorld

beforeAll(async () => {
  t = await startCheckoutBed()
  c = await makeCommunities(t.payload, t.world, new Date(t.bed.clock.now()))
})
afterAll(async () => {
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})

const percentCoupon = (percentOff: number, minSpend = 0) =>
  t.payload.create({
    collection: 'coupons',
    data: {
      title: `${100 - percentOff}折`,
      community: c.communityA.id,
      brand: t.world.brandA.id,
      kind: 'percent',
      percentOff,
      minSpend,
      validFrom: new Date(t.bed.clock.now() - DAY).toISOString(),
      validUntil: new Date(t.bed.clock.now() + 30 * DAY).toISOString(),
      totalQuantity: 100,
      perPersonLimit: 1,
      status: 'published',
    },
  }) as Promise<Coupon>

/** A reader (cookie) holding a claim of `coupon`; returns the cookie and the claim code. */
async function claimed(coupon: Coupon, reader = newReader()): Promise<{ reader: string; code: string; claimId: string }> {
  const r = await readerPost(`/coupons/${coupon.id}/claim`, reader)
  expect(r.status).toBe(201)
  return { reader, code: r.body.claim.code, claimId: r.body.claim.id }
}

const buy = (reader: string | undefined, productId: string, quantity: number, coupon?: string, extra: Record<string, unknown> = {}) =>
  readerPost('/checkout', reader, { items: [{ product: productId, quantity }], channel: 'native', ...(coupon !== undefined ? { coupon } : {}), ...extra })

const claimRow = (id: string) => t.payload.findByID({ collection: 'coupon-claims', id, overrideAccess: true, depth: 0 }) as Promise<CouponClaim>
const orderRow = (id: string) => t.payload.findByID({ collection: 'orders', id, overrideAccess: true, depth: 0 }) as Promise<Order>

describe('checkout with a coupon', () => {
  it('applies a fixed coupon (满100减10): order and WeChat Pay amount are subtotal − discount; the claim is used by that order', async () => {
    const p = await t.product(10, 6000)
    const { reader, code, claimId } = await claimed(c.couponA)
    const r = await buy(reader, p.id, 2, code.toLowerCase()) // codes are case-insensitive
    expect(r.status).toBe(201)
    expect(r.body.order).toMatchObject({ total: 11000, subtotal: 12000, discount: 1000 })
    expect((await prepay(r.body)).status).toBe(200)
    expect(t.bed.emulator.getOrder(r.body.payment.outTradeNo)?.totalFen).toBe(11000)
    const order = await orderRow(r.body.order.id)
    expect(order).toMatchObject({ subtotal: 12000, discount: 1000, total: 11000, couponClaim: claimId })
    expect(await claimRow(claimId)).toMatchObject({ status: 'used', orderRef: order.number })
    // used: a second order with the same claim is refused
    const again = await buy(reader, p.id, 2, code)
    expect(again.status).toBe(400)
    expect(again.body.error).toMatchObject({ code: 'COUPON_USED', field: 'coupon' })
    expect(await readStock(t.payload, p.id)).toBe(8)
  })

  it('applies a percent coupon rounded down to the fen; without a coupon the response keeps its old shape', async () => {
    const p = await t.product(10, 3333)
    const { reader, code } = await claimed(await percentCoupon(15))
    const r = await buy(reader, p.id, 1, code)
    expect(r.status).toBe(201)
    // 15% of 3333 = 499.95 → 499 off
    expect(r.body.order).toMatchObject({ subtotal: 3333, discount: 499, total: 2834 })
    const plain = await buy(reader, p.id, 1)
    expect(plain.status).toBe(201)
    expect(Object.keys(plain.body.order).sort()).toEqual(['id', 'number', 'status', 'total'])
    expect(await orderRow(plain.body.order.id)).toMatchObject({ subtotal: 3333, discount: 0, total: 3333 })
  })

  it('never makes an order free: the discount is capped at subtotal − 1 fen', async () => {
    const p = await t.product(10, 500)
    const coupon = (await t.payload.create({
      collection: 'coupons',
      data: { ...c.couponA, id: undefined, title: '无门槛减20', amountOff: 2000, minSpend: 0, community: c.communityA.id, brand: t.world.brandA.id } as never,
    })) as Coupon
    const { reader, code } = await claimed(coupon)
    const r = await buy(reader, p.id, 1, code)
    expect(r.status).toBe(201)
    expect(r.body.order).toMatchObject({ subtotal: 500, discount: 499, total: 1 })
  })

  it('rejects with 400 and holds no stock: min spend not met, another reader’s claim, other brand, expired, unknown, malformed, no cookie', async () => {
    const p = await t.product(10, 4000)
    const mine = await claimed(c.couponA)
    const expectRejected = async (r: Awaited<ReturnType<typeof buy>>, code: string) => {
      expect(r.status).toBe(400)
      expect(r.body.error).toMatchObject({ code, field: 'coupon' })
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(await readStock(t.payload, p.id)).toBe(10)
      expect(await claimRow(mine.claimId)).toMatchObject({ status: 'claimed' })
    }
    // 2 × 40 = 80 < 满100
    await expectRejected(await buy(mine.reader, p.id, 2, mine.code), 'COUPON_MIN_SPEND_NOT_MET')
    // someone else's code (they learned it somehow): not found for this reader
    await expectRejected(await buy(newReader(), p.id, 3, mine.code), 'COUPON_NOT_FOUND')
    // no cookie at all, or a forged one
    await expectRejected(await buy(undefined, p.id, 3, mine.code), 'COUPON_NOT_FOUND')
    await expectRejected(await buy(`${mine.reader.split('.')[0]}.forged`, p.id, 3, mine.code), 'COUPON_NOT_FOUND')
    await expectRejected(await buy(mine.reader, p.id, 3, 'ZZZZZZZZZZ'), 'COUPON_NOT_FOUND')
    await expectRejected(await buy(mine.reader, p.id, 3, 'not a code!'), 'INVALID_COUPON')
    // brand B's coupon on brand A's goods
    const b = await claimed(c.couponB, mine.reader)
    await expectRejected(await buy(mine.reader, p.id, 3, b.code), 'COUPON_WRONG_BRAND')
    // one coupon per order: the field is a single code
    const two = await buy(mine.reader, p.id, 3, [mine.code, b.code] as never)
    expect(two.status).toBe(400)
    expect(two.body.error.field).toBe('coupon')
    // expired: the order's clock is past validUntil
    const realNow = t.bed.clock.now()
    t.bed.clock.set(realNow + 31 * DAY)
    try {
      await expectRejected(await buy(mine.reader, p.id, 3, mine.code), 'COUPON_EXPIRED')
    } finally {
      t.bed.clock.set(realNow)
    }
    // and the claim is still good afterwards
    const ok = await buy(mine.reader, p.id, 3, mine.code)
    expect(ok.status).toBe(201)
    expect(ok.body.order).toMatchObject({ subtotal: 12000, discount: 1000, total: 11000 })
  })

  it('two (and twenty) concurrent checkouts with the same claim: exactly one 201, the losers hold no stock', async () => {
    for (const n of [2, 20]) {
      const p = await t.product(50, 6000)
      const { reader, code, claimId } = await claimed(c.couponA)
      const results = await Promise.all(Array.from({ length: n }, () => buy(reader, p.id, 2, code)))
      const won = results.filter((r) => r.status === 201)
      expect(won).toHaveLength(1)
      expect(results.filter((r) => r.status === 400).every((r) => ['COUPON_USED'].includes(r.body.error.code))).toBe(true)
      expect(results.filter((r) => r.status === 400)).toHaveLength(n - 1)
      expect(await readStock(t.payload, p.id)).toBe(48)
      const orders = (await t.payload.find({ collection: 'orders', where: { 'items.product': { equals: p.id } }, overrideAccess: true, depth: 0 })).docs
      expect(orders).toHaveLength(1)
      expect(await claimRow(claimId)).toMatchObject({ status: 'used', orderRef: orders[0].number })
    }
  })

  it('a cancelled order and an expired unpaid order give the coupon back, and it can be used again', async () => {
    const p = await t.product(10, 6000)
    const { reader, code, claimId } = await claimed(c.couponA)
    const first = await buy(reader, p.id, 2, code)
    expect(first.status).toBe(201)
    const moved = await transitionOrder(t.payload, first.body.order.id, { from: 'pending_payment', to: 'cancelled', reason: 'buyer cancelled', actor: 'test' })
    expect(moved.ok).toBe(true)
    expect(await claimRow(claimId)).toMatchObject({ status: 'claimed' })
    expect((await claimRow(claimId)).orderRef ?? null).toBeNull()
    expect(await readStock(t.payload, p.id)).toBe(10)

    const second = await buy(reader, p.id, 2, code)
    expect(second.status).toBe(201)
    expect(second.body.order.discount).toBe(1000)
    const summary = await expireOrders(t.payload, t.bed.clock.now() + 16 * 60_000)
    expect(summary.cancelled).toBeGreaterThanOrEqual(1)
    expect((await orderRow(second.body.order.id)).status).toBe('cancelled')
    expect(await claimRow(claimId)).toMatchObject({ status: 'claimed' })

    const third = await buy(reader, p.id, 2, code)
    expect(third.status).toBe(201)
    expect(await claimRow(claimId)).toMatchObject({ status: 'used', orderRef: (await orderRow(third.body.order.id)).number })
    // cancelling an older order again (or another order) never frees a claim now held by a newer one
    expect((await transitionOrder(t.payload, first.body.order.id, { from: 'pending_payment', to: 'cancelled', reason: 'again', actor: 'test' })).ok).toBe(false)
    expect(await claimRow(claimId)).toMatchObject({ status: 'used' })
  })

  it('price tampering is still impossible: no price, discount, subtotal or total is accepted from the body', async () => {
    const p = await t.product(10, 6000)
    const { reader, code } = await claimed(c.couponA)
    for (const extra of [{ discount: 5999 }, { total: 1 }, { subtotal: 1 }, { price: 1 }]) {
      const r = await buy(reader, p.id, 2, code, extra)
      expect(r.status).toBe(400)
      expect(r.body.error.code).toBe('INVALID_BODY')
    }
    const line = await readerPost('/checkout', reader, { items: [{ product: p.id, quantity: 2, unitPrice: 1 }], channel: 'native', coupon: code })
    expect(line.status).toBe(400)
    const ok = await buy(reader, p.id, 2, code)
    expect(ok.status).toBe(201)
    expect(ok.body.order.total).toBe(11000)
    expect(await readStock(t.payload, p.id)).toBe(8)
  })

  it('the no-JS buy form passes the coupon through (and sends a bad one back with its error)', async () => {
    const p = await t.product(10, 6000)
    const { reader, code, claimId } = await claimed(c.couponA)
    const post = (coupon: string, quantity: number) => {
      const form = new FormData()
      form.set('product', p.id)
      form.set('quantity', String(quantity))
      form.set('coupon', coupon)
      for (const [k, v] of Object.entries(SHIP_TO)) form.set(k, v)
      return buyFormPost(new Request(`http://localhost/p/${p.slug}/buy`, { method: 'POST', headers: { cookie: reader }, body: form }), {
        params: Promise.resolve({ slug: p.slug! }),
      })
    }
    const low = await post(code, 1)
    expect(low.status).toBe(303)
    // back to 确认订单 with the refusal, the order's choices kept (never the address: it is in its cookie)
    const back = new URL(low.headers.get('location')!, 'http://localhost')
    expect(back.pathname).toBe(`/p/${p.slug}/confirm`)
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ quantity: '1', coupon: code, error: 'COUPON_MIN_SPEND_NOT_MET' })
    expect(back.search).not.toContain('13800138000')
    expect(low.headers.get('set-cookie')).toMatch(/^tw_addr=[A-Za-z0-9_-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/)
    expect(await readStock(t.payload, p.id)).toBe(10)
    const ok = await post(code, 2)
    expect(ok.status).toBe(303)
    const claim = await claimRow(claimId)
    expect(claim.status).toBe('used')
    const order = (await t.payload.find({ collection: 'orders', where: { number: { equals: claim.orderRef } }, overrideAccess: true, depth: 0 }))
      .docs[0] as Order
    expect(order).toMatchObject({ subtotal: 12000, discount: 1000, total: 11000 })
  })
})

describe("the 确认订单 page's coupon choices", () => {
  const keyOf = (cookie: string) => readerOf({ headers: new Headers({ cookie }) }).readerKey
  const choicesFor = (cookie: string, subtotal: number) =>
    couponChoices(t.payload, { readerKey: keyOf(cookie), brand: t.world.brandA.id, subtotal, now: new Date(t.bed.clock.now()) })

  it("offers the reader's own unused coupons of this brand, priced for the order, the best first; one that does not apply says why", async () => {
    const reader = newReader()
    const fixed = await claimed(c.couponA, reader) // 满100减10
    const percent = await claimed(await percentCoupon(15), reader) // 85折, no minimum
    await claimed(c.couponB, reader) // brand B's: not for this order

    const big = await choicesFor(reader, 12000)
    expect(big.map((ch) => [ch.code, ch.usable && ch.discount])).toEqual([
      [percent.code, 1800],
      [fixed.code, 1000],
    ])
    expect(bestCoupon(big)?.code).toBe(percent.code)

    const small = await choicesFor(reader, 6000)
    expect(small[0]).toMatchObject({ code: percent.code, usable: true, discount: 900, total: 5100 })
    expect(small[1]).toMatchObject({ code: fixed.code, usable: false, reason: '未达到优惠券的最低消费金额', headline: '满¥100.00减¥10.00' })

    // a used coupon is no longer offered; another reader sees none of these
    const p = await t.product(10, 12000)
    expect((await buy(reader, p.id, 1, percent.code)).status).toBe(201)
    expect((await choicesFor(reader, 12000)).map((ch) => ch.code)).toEqual([fixed.code])
    expect(await choicesFor(newReader(), 12000)).toEqual([])
    expect(await couponChoices(t.payload, { readerKey: undefined, brand: t.world.brandA.id, subtotal: 12000, now: new Date() })).toEqual([])
  })
})
