// 服务号 order notifications end to end: checkout as a recognised reader → paid/shipped/refunded transitions →
// notifyOrder job → template message in the OA emulator; once only, whatever the retries; failures visible.
import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { applyOrderAction } from '@/commerce/orderActions'
import { transitionOrder } from '@/commerce/orderState'
import { hashOrderToken } from '@/commerce/orderToken'
import { DEFAULT_KEYWORDS } from '@/notifications/format'
import type { Customer, Order, OrderNotification, WechatAccount } from '@/payload-types'
import { drainOutbox, outboxIdle } from '@/platform/outbox'
import { readerCookie } from '@/platform/reader'
import type { RunningServer } from '@/sandbox/http'
import { type OfficialAccountEmulator, startEmulator } from '@/sandbox/wechat-oa'
import { defaultOrigin, publishingRuntime } from '@/wechat/account/runtime'

import { shutdown } from '../helpers/payload'
import { login, prepay, rest } from '../helpers/rest'
import { type CheckoutBed, startCheckoutBed, stopCheckoutBed } from './checkoutBed'

const APP_ID = 'wx00000000000a0b0c'
const KEYS = ['character_string1', 'thing2', 'amount3', 'time4', 'phrase5']
const TPL = { paid: 'TPL_PAID_0001', shipped: 'TPL_SHIP_0001', refunded: 'TPL_REFUND_0001' }

/** The drain the settlement kicked has finished, and nothing due is left (a notification is queued by it). */
const outboxSettled = async () => {
  await outboxIdle()
  await drainOutbox(t.payload)
}
let t: CheckoutBed
let emulator: OfficialAccountEmulator
let server: RunningServer
let account: WechatAccount
let reader: Customer
let stranger: Customer
const post = REST_POST(config)
const savedRetries = publishingRuntime.retryAttempts

beforeAll(async () => {
  t = await startCheckoutBed()
  const started = await startEmulator()
  emulator = started.emulator
  server = started.server
  publishingRuntime.apiBase = started.apiBase
  publishingRuntime.sleep = async () => {}
  publishingRuntime.retryAttempts = 3
  emulator.accounts.add({
    appId: APP_ID,
    appSecret: 'secret-notify',
    type: 'service',
    templates: { [TPL.paid]: KEYS, [TPL.shipped]: [...KEYS, 'thing6'], [TPL.refunded]: KEYS },
    users: [
      { openid: 'o_buyer_0001', subscribed: true },
      { openid: 'o_stranger_01', subscribed: false },
    ],
  })
  account = (await t.payload.create({
    collection: 'wechat-accounts',
    data: {
      name: '山野茶事',
      appId: APP_ID,
      appSecret: 'secret-notify',
      accountType: 'service',
      verified: true,
      brand: t.world.brandA.id,
      templateIds: [
        { key: 'order_paid', templateId: TPL.paid },
        { key: 'order_shipped', templateId: TPL.shipped, keywords: `${DEFAULT_KEYWORDS},thing6:note` },
        { key: 'order_refunded', templateId: TPL.refunded, keywords: 'character_string1:number,amount3:total,phrase5:status' },
      ],
    },
  })) as WechatAccount
  const customer = (openid: string) =>
    t.payload.create({ collection: 'customers', data: { openid, appId: APP_ID, account: account.id, brand: t.world.brandA.id } }) as Promise<Customer>
  reader = await customer('o_buyer_0001')
  stranger = await customer('o_stranger_01')
})
afterAll(async () => {
  publishingRuntime.apiBase = undefined
  publishingRuntime.retryAttempts = savedRetries
  await server?.close()
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})
beforeEach(() => emulator.faults.disable())

/** Checkout (as `who`, via the reader cookie) and pay through the WeChat Pay sandbox callback. */
async function paidOrder(who?: Customer) {
  const product = await t.product(5)
  const headers = new Headers({ 'content-type': 'application/json' })
  if (who) headers.set('cookie', readerCookie(who.id, Date.now(), false).split(';')[0])
  const res = await post(
    new Request('http://localhost/api/checkout', {
      method: 'POST',
      headers,
      body: JSON.stringify({ items: [{ product: product.id, quantity: 2 }], channel: 'native' }),
    }),
    { params: Promise.resolve({ slug: ['checkout'] }) },
  )
  const body = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(201)
  expect((await prepay(body)).status).toBe(200)
  const outTradeNo = body.payment.outTradeNo
  t.bed.emulator.confirmPayment(outTradeNo)
  const built = t.bed.emulator.buildCallback(outTradeNo)
  const callback = await post(new Request('http://localhost/api/wechatpay/notify', { method: 'POST', headers: built.headers, body: built.body }), {
    params: Promise.resolve({ slug: ['wechatpay', 'notify'] }),
  })
  expect(callback.status).toBe(204)
  await outboxSettled() // the paid notification is queued once the settlement's outbox message is processed
  return { id: body.order.id as string, number: body.order.number as string, orderUrl: body.orderUrl as string, product }
}

// A payment's notification is queued by the outbox (after the settlement commits), then sent by its job. Jobs run
// in queue order, one at a time: Payload runs a batch's jobs concurrently, and on PostgreSQL an order's paid and
// refunded messages queued together would then race to the emulator (SQLite's one connection happened to keep them
// in order). The test is about which messages are sent, and in which order they were queued.
const runJobs = async () => {
  await outboxSettled()
  await t.payload.jobs.run({ silent: true, limit: 100, allQueues: true, sequential: true })
  // and whatever the first run's jobs queued or left due (the counts below would show a second send)
  return t.payload.jobs.run({ silent: true, limit: 100, allQueues: true, sequential: true })
}
const sentTo = (orderNumber: string) =>
  emulator.messages.filter((m) => m.kind === 'template' && m.data.character_string1?.value === orderNumber) as Extract<
    (typeof emulator.messages)[number],
    { kind: 'template' }
  >[]
const notificationsOf = async (orderId: string) =>
  (await t.payload.find({ collection: 'order-notifications', where: { order: { equals: orderId } }, overrideAccess: true, sort: 'createdAt' }))
    .docs as OrderNotification[]

describe('order notifications (服务号模板消息)', () => {
  it('paid: exactly one template message with the order fields and a working order link', async () => {
    const order = await paidOrder(reader)
    const stored = await t.payload.findByID({ collection: 'orders', id: order.id, overrideAccess: true, depth: 0 })
    expect(stored.reader).toBe(reader.id)
    await runJobs()
    await runJobs()
    const msgs = sentTo(order.number)
    expect(msgs).toHaveLength(1)
    const [m] = msgs
    expect(m.touser).toBe('o_buyer_0001')
    expect(m.templateId).toBe(TPL.paid)
    expect(m.data.thing2.value).toBe(order.product.title)
    expect(m.data.amount3.value).toBe('¥25.80')
    expect(m.data.phrase5.value).toBe('支付成功')
    expect(m.data.time4.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    // The link is the buyer's own guest link (same token as the checkout response), on the site's origin.
    expect(m.url).toBe(`${defaultOrigin()}${order.orderUrl.replace(/^https?:\/\/[^/]+/, '')}`)
    const token = new URL(m.url!).searchParams.get('t')!
    const withHash = await t.payload.find({ collection: 'orders', where: { accessTokenHash: { equals: hashOrderToken(token) } }, overrideAccess: true })
    expect(withHash.docs.map((d) => d.id)).toEqual([order.id])
    const [n] = await notificationsOf(order.id)
    expect(n).toMatchObject({ key: `order:${order.id}:paid`, status: 'sent', event: 'paid', templateId: TPL.paid, attempts: 1 })
    expect(n.msgId).toBe(String(m.msgId))
    // Visible on the order (join field).
    const withJoin = await t.payload.findByID({ collection: 'orders', id: order.id, overrideAccess: true, depth: 1 })
    expect(withJoin.notifications?.docs?.length).toBe(1)
  })

  it('a transient failure fails the job, is visible on the order, and the retried job sends once', async () => {
    emulator.faults.configure({ rate: 1, kinds: ['system_error'], paths: ['/cgi-bin/message/template/send'] })
    const order = await paidOrder(reader)
    await runJobs()
    expect(sentTo(order.number)).toHaveLength(0)
    let [n] = await notificationsOf(order.id)
    expect(n).toMatchObject({ status: 'failed', retryable: true, attempts: 1 })
    expect(n.error).toMatch(/-1/)
    const jobs = await t.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'notifyOrder' }, 'input.orderId': { equals: order.id } },
      overrideAccess: true,
    })
    expect(jobs.docs).toHaveLength(1)
    expect(jobs.docs[0].hasError).toBeFalsy()
    // WeChat recovers; skip the backoff wait and let the queue retry.
    emulator.faults.disable()
    await t.payload.update({
      collection: 'payload-jobs',
      id: jobs.docs[0].id,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    await runJobs()
    await runJobs()
    expect(sentTo(order.number)).toHaveLength(1)
    ;[n] = await notificationsOf(order.id)
    expect(n).toMatchObject({ status: 'sent', retryable: false, attempts: 2 })
    expect(n.error ?? null).toBeNull()
  })

  it('flaky WeChat within one run (retried calls) and a job queued twice still notify once', async () => {
    const order = await paidOrder(reader)
    const injectedBefore = emulator.faults.injected.length
    emulator.faults.configure({ rate: 0.5, seed: 7, kinds: ['system_error', 'http_502', 'drop'], paths: ['/cgi-bin/message/template/send'] })
    await t.payload.jobs.queue({ task: 'notifyOrder', input: { orderId: order.id, event: 'paid' } })
    await runJobs()
    expect(emulator.faults.injected.length).toBeGreaterThan(injectedBefore)
    emulator.faults.disable()
    await t.payload.jobs.queue({ task: 'notifyOrder', input: { orderId: order.id, event: 'paid' } })
    await runJobs()
    expect(sentTo(order.number)).toHaveLength(1)
    expect(await notificationsOf(order.id)).toHaveLength(1)
  })

  it('the shipped message names the parcel 发货 recorded, where the template has a note keyword', async () => {
    const order = await paidOrder(reader)
    const paid = (await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0, overrideAccess: true })) as Order
    await applyOrderAction(t.payload, paid, 'ship', { actor: 'test', shipment: { carrier: 'sf', trackingNumber: 'SF1234567890' } })
    await outboxSettled()
    await runJobs()
    const shipped = sentTo(order.number).find((m) => m.templateId === TPL.shipped)
    expect(shipped?.data.thing6.value).toBe('顺丰速运 SF1234567890')
  })

  it('shipped and refunded notify with their own templates, once each', async () => {
    const order = await paidOrder(reader)
    await runJobs()
    await transitionOrder(t.payload, order.id, { to: 'shipped', reason: '顺丰 SF123', actor: 'test' })
    await runJobs()
    await t.payload.jobs.queue({ task: 'notifyOrder', input: { orderId: order.id, event: 'shipped' } })
    await runJobs()
    const order2 = await paidOrder(reader)
    await transitionOrder(t.payload, order2.id, { to: 'refunding', reason: '买家申请', actor: 'test' })
    await transitionOrder(t.payload, order2.id, { to: 'refunded', reason: '退款成功', actor: 'test' })
    await runJobs()
    const shipped = sentTo(order.number)
    expect(shipped.map((m) => m.templateId)).toEqual([TPL.paid, TPL.shipped])
    expect(shipped[1].data.phrase5.value).toBe('已发货')
    const refunded = sentTo(order2.number)
    expect(refunded.map((m) => m.templateId)).toEqual([TPL.paid, TPL.refunded])
    expect(Object.keys(refunded[1].data)).toEqual(['character_string1', 'amount3', 'phrase5'])
    expect(refunded[1].data.phrase5.value).toBe('已退款')
    expect((await notificationsOf(order2.id)).map((n) => `${n.event}:${n.status}`)).toEqual(['paid:sent', 'refunded:sent'])
  })

  it('no reader (guest checkout) or no template configured → skipped with the reason, no message', async () => {
    const guest = await paidOrder()
    await runJobs()
    expect(sentTo(guest.number)).toHaveLength(0)
    const [g] = await notificationsOf(guest.id)
    expect(g.status).toBe('skipped')
    expect(g.error).toMatch(/未识别微信读者/)

    await t.payload.update({ collection: 'wechat-accounts', id: account.id, data: { templateIds: [{ key: 'order_shipped', templateId: TPL.shipped }] } })
    try {
      const order = await paidOrder(reader)
      await runJobs()
      expect(sentTo(order.number)).toHaveLength(0)
      const [n] = await notificationsOf(order.id)
      expect(n.status).toBe('skipped')
      expect(n.error).toMatch(/order_paid/)
      const jobs = await t.payload.find({ collection: 'payload-jobs', where: { 'input.orderId': { equals: order.id } }, overrideAccess: true })
      expect(jobs.docs.every((j) => j.completedAt && !j.hasError)).toBe(true)
    } finally {
      await t.payload.update({
        collection: 'wechat-accounts',
        id: account.id,
        data: {
          templateIds: [
            { key: 'order_paid', templateId: TPL.paid },
            { key: 'order_shipped', templateId: TPL.shipped, keywords: `${DEFAULT_KEYWORDS},thing6:note` },
            { key: 'order_refunded', templateId: TPL.refunded },
          ],
        },
      })
    }
  })

  it('an operator re-sends a skipped notification once the template is configured; sent ones are never sent twice', async () => {
    await t.payload.update({ collection: 'wechat-accounts', id: account.id, data: { templateIds: [{ key: 'order_shipped', templateId: TPL.shipped }] } })
    const order = await paidOrder(reader)
    await runJobs()
    const [skipped] = await notificationsOf(order.id)
    expect(skipped).toMatchObject({ status: 'skipped' })
    await t.payload.update({
      collection: 'wechat-accounts',
      id: account.id,
      data: {
        templateIds: [
          { key: 'order_paid', templateId: TPL.paid },
          { key: 'order_shipped', templateId: TPL.shipped, keywords: `${DEFAULT_KEYWORDS},thing6:note` },
          { key: 'order_refunded', templateId: TPL.refunded },
        ],
      },
    })
    const w = t.world
    const [operator, editor, otherBrand] = await Promise.all([
      login(w.operatorA.email, w.password),
      login(w.editorA.email, w.password),
      login(w.editorB.email, w.password),
    ])
    expect(await rest('POST', `/order-notifications/${skipped.id}/resend`)).toMatchObject({
      status: 401,
      body: { error: { code: 'LOGIN_REQUIRED', message: '请先登录' } },
    })
    expect([403, 404]).toContain((await rest('POST', `/order-notifications/${skipped.id}/resend`, { token: editor })).status)
    expect([403, 404]).toContain((await rest('POST', `/order-notifications/${skipped.id}/resend`, { token: otherBrand })).status)
    expect((await notificationsOf(order.id))[0].status).toBe('skipped')

    const resent = await rest('POST', `/order-notifications/${skipped.id}/resend`, { token: operator })
    expect(resent.status).toBe(202)
    // a double click queues nothing more
    const doubleClick = await rest('POST', `/order-notifications/${skipped.id}/resend`, { token: operator })
    expect(doubleClick).toMatchObject({ status: 409, body: { error: { code: 'SENDING', message: '正在发送中，请稍后刷新' } } })
    await runJobs()
    expect(sentTo(order.number)).toHaveLength(1)
    expect((await notificationsOf(order.id))[0]).toMatchObject({ status: 'sent', error: null })
    const again = await rest('POST', `/order-notifications/${skipped.id}/resend`, { token: operator })
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_SENT', message: '已发送成功，不重复发送' } } })
    await runJobs()
    expect(sentTo(order.number)).toHaveLength(1)
  })

  it('a permanent WeChat refusal (43004 not following) is recorded in Chinese and not retried', async () => {
    const order = await paidOrder(stranger)
    await runJobs()
    await runJobs()
    expect(sentTo(order.number)).toHaveLength(0)
    const [n] = await notificationsOf(order.id)
    expect(n).toMatchObject({ status: 'failed', retryable: false, attempts: 1 })
    expect(n.error).toMatch(/43004/)
    expect(n.error).toMatch(/[\u4e00-\u9fa5]/)
  })
})
