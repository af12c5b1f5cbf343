// The money races, run truly at once (Promise.all), as a push-day crowd and WeChat Pay's retries produce them:
// 20 FIRST payment notifies for one order; the notify, the reconciliation job and the expiry job hitting the same
// unpaid order together; 50 expiries of one order; and the buyer's notification queued once whatever raced.
import config from '@payload-config'
import { sql } from '@payloadcms/db-sqlite/drizzle'
import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireOrders } from '@/commerce/expire'
import { orderHistory } from '@/commerce/orderState'
import { reconcilePayments } from '@/commerce/reconcile'
import { execute } from '@/db/relational'
import { readStock } from '@/db/stock'
import { drainOutbox, outboxIdle } from '@/platform/outbox'
import type { BuiltCallback } from '@/sandbox/wechatpay/notifier'

import { shutdown } from '../helpers/payload'
import { prepay, rest } from '../helpers/rest'
import { type CheckoutBed, startCheckoutBed, stopCheckoutBed } from './checkoutBed'

/** The drain the settlement kicked has finished, and nothing due is left (a notification is queued by it). */
const outboxSettled = async () => {
  await outboxIdle()
  await drainOutbox(t.payload)
}
let t: CheckoutBed
const post = REST_POST(config)

beforeAll(async () => {
  t = await startCheckoutBed()
})
afterAll(async () => {
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})

async function notify(built: BuiltCallback): Promise<number> {
  const response = await post(new Request('http://localhost/api/wechatpay/notify', { method: 'POST', headers: built.headers, body: built.body }), {
    params: Promise.resolve({ slug: ['wechatpay', 'notify'] }),
  })
  await response.text()
  return response.status
}

async function buyOne(stock = 5) {
  const product = await t.product(stock)
  const res = await rest('POST', '/checkout', { json: { items: [{ product: product.id, quantity: 1 }], channel: 'native' } })
  expect(res.status).toBe(201)
  expect((await prepay(res.body)).status).toBe(200) // the buyer taps 去支付: WeChat Pay now knows the payment
  return { product, order: res.body.order as { id: string }, outTradeNo: res.body.payment.outTradeNo as string }
}

const history = async (id: string) => (await orderHistory(t.payload, id)).map((e) => `${e.from ?? ''}>${e.to}`)
const notifyJobs = async (orderId: string) =>
  (
    await t.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'notifyOrder' } }, limit: 0, pagination: false, overrideAccess: true })
  ).docs.filter((job) => (job.input as { orderId?: string } | undefined)?.orderId === orderId)

describe('money races', () => {
  it('20 first payment notifies at once: paid once, one history entry, one notification queued', async () => {
    const { order, outTradeNo } = await buyOne()
    t.bed.emulator.confirmPayment(outTradeNo)
    const statuses = await Promise.all(Array.from({ length: 20 }, () => notify(t.bed.emulator.buildCallback(outTradeNo))))
    expect(statuses.every((s) => s === 204)).toBe(true)
    expect(await history(order.id)).toEqual(['>pending_payment', 'pending_payment>paid'])
    await outboxSettled() // the notification is queued after the settlement commits
    expect((await notifyJobs(order.id)).map((j) => (j.input as { event: string }).event)).toEqual(['paid'])
    // in a queue of its own, so a sale's thousands of messages never hold back the expiry job of the default queue
    expect((await notifyJobs(order.id)).map((j) => j.queue)).toEqual(['notifications'])
  })

  it('a settlement killed half-way (payment paid, order still unpaid) is completed by the next notify, not expired', async () => {
    const { product, order, outTradeNo } = await buyOne(5)
    t.bed.emulator.confirmPayment(outTradeNo)
    // What a process killed between the payment's write and the order's left behind before settlement was one step.
    await execute(t.payload, sql`UPDATE payments SET status = 'paid' WHERE out_trade_no = ${outTradeNo}`)
    expect(await notify(t.bed.emulator.buildCallback(outTradeNo))).toBe(204)
    expect(await history(order.id)).toEqual(['>pending_payment', 'pending_payment>paid'])
    t.bed.clock.advance(16 * 60_000)
    await expireOrders(t.payload)
    expect(await history(order.id)).toEqual(['>pending_payment', 'pending_payment>paid'])
    expect(await readStock(t.payload, product.id)).toBe(4)
    t.bed.clock.set(Date.now())
  })

  it('notify, reconciliation and expiry on the same unpaid order at once: exactly one outcome, and the money is never lost', async () => {
    for (let round = 0; round < 5; round++) {
      const { product, order, outTradeNo } = await buyOne(5)
      t.bed.emulator.confirmPayment(outTradeNo) // the money arrived just as the window closed
      t.bed.clock.advance(16 * 60_000)
      await Promise.all([
        notify(t.bed.emulator.buildCallback(outTradeNo)),
        reconcilePayments(t.payload, { orderId: order.id }),
        expireOrders(t.payload),
        expireOrders(t.payload),
      ])
      const steps = await history(order.id)
      const paid = ['>pending_payment', 'pending_payment>paid']
      const cancelledThenRefunded = ['>pending_payment', 'pending_payment>cancelled', 'cancelled>refunding']
      const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b)
      expect(same(steps, paid) || same(steps.slice(0, 3), cancelledThenRefunded), steps.join(' · ')).toBe(true)
      if (steps.includes('pending_payment>paid'))
        expect(await readStock(t.payload, product.id)).toBe(4) // kept for the buyer
      else expect(await readStock(t.payload, product.id)).toBe(5) // given back, and the payment is being refunded
      t.bed.clock.set(Date.now())
    }
  })

  it('50 expiries of one order at once: cancelled once, stock given back once', async () => {
    const { product, order } = await buyOne(3)
    expect(await readStock(t.payload, product.id)).toBe(2)
    t.bed.clock.advance(16 * 60_000)
    const runs = await Promise.all(Array.from({ length: 50 }, () => expireOrders(t.payload)))
    expect(runs.reduce((n, r) => n + r.cancelled, 0)).toBe(1)
    expect(await readStock(t.payload, product.id)).toBe(3)
    expect(await history(order.id)).toEqual(['>pending_payment', 'pending_payment>cancelled'])
    t.bed.clock.set(Date.now())
  })
})
