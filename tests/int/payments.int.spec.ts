// WeChat Pay wiring: callbacks (duplicate, replayed, concurrent, forged, stale, tampered, wrong amount), refund
// callbacks, expiry releasing stock exactly once, reconciliation of a lost callback, and the order state machine.
import crypto from 'node:crypto'

import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireOrders } from '@/commerce/expire'
import { orderHistory, transitionOrder } from '@/commerce/orderState'
import { reconcilePayments } from '@/commerce/reconcile'
import { refundOrder } from '@/commerce/refund'
import { readStock } from '@/db/stock'
import type { BuiltCallback } from '@/sandbox/wechatpay/notifier'

import { shutdown } from '../helpers/payload'
import { prepay, rest } from '../helpers/rest'
import { type CheckoutBed, startCheckoutBed, stopCheckoutBed } from './checkoutBed'

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
  const request = new Request('http://localhost/api/wechatpay/notify', { method: 'POST', headers: built.headers, body: built.body })
  const response = await post(request, { params: Promise.resolve({ slug: ['wechatpay', 'notify'] }) })
  await response.text()
  return response.status
}

async function buyOne(stock = 5, quantity = 1) {
  const product = await t.product(stock)
  const res = await rest('POST', '/checkout', { json: { items: [{ product: product.id, quantity }], channel: 'native' } })
  expect(res.status).toBe(201)
  expect((await prepay(res.body)).status).toBe(200) // the buyer taps 去支付: WeChat Pay now knows the payment
  return { product, order: res.body.order as { id: string; number: string }, outTradeNo: res.body.payment.outTradeNo as string }
}

const orderStatus = async (id: string) => (await t.payload.findByID({ collection: 'orders', id, overrideAccess: true })).status
const transitions = async (id: string) => (await orderHistory(t.payload, id)).map((e) => `${e.from ?? ''}>${e.to}`)

describe('payment callback', () => {
  it('rejects forged, stale, tampered, probe-signed, wrong-amount and foreign callbacks without paying anything', async () => {
    const { order, outTradeNo } = await buyOne()
    expect(t.bed.emulator.confirmPayment(outTradeNo).ok).toBe(true)
    const forger = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const spoiled = {
      forged: { signWithPrivateKeyPem: forger.privateKey },
      stale: { timestampOffsetSeconds: -301 },
      future: { timestampOffsetSeconds: 400 },
      tamperedCiphertext: { tamper: 'ciphertext' as const },
      tamperedAad: { tamper: 'associated_data' as const },
      bodyChangedAfterSigning: { tamper: 'body-after-signing' as const },
      probe: { signTest: true },
      wrongApiV3Key: { apiV3Key: 'x'.repeat(32) },
      wrongMchid: { plaintextPatch: { mchid: '1999999999' } },
      wrongAmount: { plaintextPatch: { amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' } } },
      unknownTrade: { plaintextPatch: { out_trade_no: 'NOSUCHTRADE_1' } },
    }
    for (const [name, forgery] of Object.entries(spoiled)) {
      // 401 for what fails verification, 400 for a verified notice that does not match the order, 404 for an
      // unknown trade: a 4xx, so WeChat Pay retries a genuine one, and never a 500.
      const status = await notify(t.bed.emulator.buildCallback(outTradeNo, forgery))
      expect(status, name).toBe(name === 'unknownTrade' ? 404 : name === 'wrongAmount' ? 400 : 401)
    }
    expect(await orderStatus(order.id)).toBe('pending_payment')
    const payment = (await t.payload.find({ collection: 'payments', where: { outTradeNo: { equals: outTradeNo } }, overrideAccess: true })).docs[0]
    expect(payment.status).toBe('pending')
    // the genuine one still pays
    expect(await notify(t.bed.emulator.buildCallback(outTradeNo))).toBe(204)
    expect(await orderStatus(order.id)).toBe('paid')
  })

  it('pays once for duplicate, replayed (exact bytes), re-signed and concurrent deliveries', async () => {
    const { order, outTradeNo } = await buyOne()
    t.bed.emulator.confirmPayment(outTradeNo)
    const first = t.bed.emulator.buildCallback(outTradeNo)
    expect(await notify(first)).toBe(204)
    expect(await notify(first)).toBe(204) // exact replay
    const concurrent = await Promise.all(Array.from({ length: 20 }, () => notify(t.bed.emulator.buildCallback(outTradeNo))))
    expect(concurrent.every((s) => s === 204)).toBe(true)
    expect(await transitions(order.id)).toEqual(['>pending_payment', 'pending_payment>paid'])
    const payment = (await t.payload.find({ collection: 'payments', where: { outTradeNo: { equals: outTradeNo } }, overrideAccess: true })).docs[0]
    expect(payment).toMatchObject({ status: 'paid', settledBy: 'callback' })
    expect(payment.transactionId).toMatch(/^4200\d{24}$/)
  })

  it('settles a lost callback through reconciliation, and the late callback changes nothing', async () => {
    const { order, outTradeNo } = await buyOne()
    t.bed.emulator.confirmPayment(outTradeNo) // WeChat Pay has the money; the callback never reached us
    const summary = await reconcilePayments(t.payload)
    expect(summary.settled).toBeGreaterThanOrEqual(1)
    expect(await orderStatus(order.id)).toBe('paid')
    expect(await notify(t.bed.emulator.buildCallback(outTradeNo))).toBe(204) // out of order: after the query
    expect(await transitions(order.id)).toEqual(['>pending_payment', 'pending_payment>paid'])
    const payment = (await t.payload.find({ collection: 'payments', where: { outTradeNo: { equals: outTradeNo } }, overrideAccess: true })).docs[0]
    expect(payment.settledBy).toBe('query')
  })

  it('refunds: refunding on request, refunded once on the REFUND.SUCCESS callback (duplicates ignored)', async () => {
    const { order, outTradeNo } = await buyOne()
    t.bed.emulator.confirmPayment(outTradeNo)
    expect(await notify(t.bed.emulator.buildCallback(outTradeNo))).toBe(204)
    await refundOrder(t.payload, order.id, '买家申请退款', 'admin:test')
    expect(await orderStatus(order.id)).toBe('refunding')
    const payment = (await t.payload.find({ collection: 'payments', where: { outTradeNo: { equals: outTradeNo } }, overrideAccess: true })).docs[0]
    expect(payment.status).toBe('refunding')
    t.bed.emulator.settleRefund(payment.outRefundNo!, 'SUCCESS')
    const refundCallback = t.bed.emulator.buildCallback(payment.outRefundNo!)
    expect(await notify(refundCallback)).toBe(204)
    expect(await notify(refundCallback)).toBe(204)
    expect(await notify(t.bed.emulator.buildCallback(payment.outRefundNo!, { signWithPrivateKeyPem: t.bed.keys.merchant.privateKeyPem }))).toBe(401)
    expect(await orderStatus(order.id)).toBe('refunded')
    expect(await transitions(order.id)).toEqual(['>pending_payment', 'pending_payment>paid', 'paid>refunding', 'refunding>refunded'])
  })
})

describe('expiry', () => {
  it('releases held stock exactly once when the payment window ends, even when run concurrently', async () => {
    const { product, order, outTradeNo } = await buyOne(5, 2)
    expect(await readStock(t.payload, product.id)).toBe(3)
    expect((await expireOrders(t.payload)).cancelled).toBe(0) // not yet
    t.bed.clock.advance(15 * 60_000 + 1000)
    const runs = await Promise.all([expireOrders(t.payload), expireOrders(t.payload), expireOrders(t.payload)])
    expect(runs.reduce((n, r) => n + r.cancelled, 0)).toBe(1)
    await expireOrders(t.payload)
    expect(await readStock(t.payload, product.id)).toBe(5)
    expect(await orderStatus(order.id)).toBe('cancelled')
    expect(await transitions(order.id)).toEqual(['>pending_payment', 'pending_payment>cancelled'])
    expect(t.bed.emulator.getOrder(outTradeNo)?.state).toBe('CLOSED')
    // a cancelled order cannot be paid, and cancelling again releases nothing
    await expect(transitionOrder(t.payload, order.id, { to: 'paid', reason: 'x', actor: 'test' })).rejects.toThrow(/illegal/)
    expect((await transitionOrder(t.payload, order.id, { from: 'pending_payment', to: 'cancelled', reason: 'again', actor: 'test' })).ok).toBe(false)
    expect(await readStock(t.payload, product.id)).toBe(5)
  })

  it('a payment made just before expiry wins: the order is paid, not cancelled, and keeps its stock', async () => {
    const { product, order, outTradeNo } = await buyOne(5, 1)
    t.bed.emulator.confirmPayment(outTradeNo)
    t.bed.clock.advance(16 * 60_000)
    const summary = await expireOrders(t.payload)
    expect(summary.paidInstead).toBeGreaterThanOrEqual(1)
    expect(await orderStatus(order.id)).toBe('paid')
    expect(await readStock(t.payload, product.id)).toBe(4)
  })

  it('runs as a jobs-queue task', async () => {
    const { product, order } = await buyOne(3, 3)
    t.bed.clock.advance(16 * 60_000)
    await t.payload.jobs.queue({ task: 'expireOrders', input: {} })
    await t.payload.jobs.run()
    expect(await orderStatus(order.id)).toBe('cancelled')
    expect(await readStock(t.payload, product.id)).toBe(3)
  })
})

describe('order state machine', () => {
  it('rejects illegal transitions and keeps an append-only history', async () => {
    const { order, outTradeNo } = await buyOne()
    await expect(transitionOrder(t.payload, order.id, { to: 'shipped', reason: 'x', actor: 'test' })).rejects.toThrow(/illegal/)
    await expect(transitionOrder(t.payload, order.id, { to: 'refunded', reason: 'x', actor: 'test' })).rejects.toThrow(/illegal/)
    t.bed.emulator.confirmPayment(outTradeNo)
    await notify(t.bed.emulator.buildCallback(outTradeNo))
    expect((await transitionOrder(t.payload, order.id, { to: 'shipped', reason: '顺丰 SF123', actor: 'admin:test' })).ok).toBe(true)
    expect((await transitionOrder(t.payload, order.id, { to: 'completed', reason: '签收', actor: 'system' })).ok).toBe(true)
    await expect(transitionOrder(t.payload, order.id, { to: 'pending_payment', reason: 'x', actor: 'test' })).rejects.toThrow(/illegal/)
    expect(await transitions(order.id)).toEqual(['>pending_payment', 'pending_payment>paid', 'paid>shipped', 'shipped>completed'])
    // history and payments cannot be written through the API, orders cannot be edited there
    const admin = await rest('POST', '/users/login', { json: { email: t.world.admin.email, password: t.world.password } })
    const token = admin.body.token
    expect((await rest('POST', '/order-events', { token, json: { order: order.id, to: 'paid', brand: t.world.brandA.id } })).status).toBe(403)
    expect((await rest('PATCH', `/orders/${order.id}`, { token, json: { status: 'refunded' } })).status).toBe(403)
    expect(await orderStatus(order.id)).toBe('completed')
  })
})
