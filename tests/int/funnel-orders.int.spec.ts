// Checkout and payment feed the funnel: checkout_started and paid carry the order's attribution, once each.
import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { drainOutbox, outboxIdle } from '@/platform/outbox'

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

it('records checkout_started and paid with article, block and sharer, and a replayed callback counts once', async () => {
  const product = await t.product(5)
  const res = await rest('POST', '/checkout', {
    json: { items: [{ product: product.id, quantity: 2 }], channel: 'native', attribution: { article: 'article-42', block: 3, sharer: 'friend-7' } },
  })
  expect(res.status).toBe(201)
  expect((await prepay(res.body)).status).toBe(200)
  const outTradeNo = res.body.payment.outTradeNo
  t.bed.emulator.confirmPayment(outTradeNo)
  const built = t.bed.emulator.buildCallback(outTradeNo)
  for (let i = 0; i < 2; i++) {
    const response = await post(new Request('http://localhost/api/wechatpay/notify', { method: 'POST', headers: built.headers, body: built.body }), {
      params: Promise.resolve({ slug: ['wechatpay', 'notify'] }),
    })
    expect(response.status).toBe(204)
  }
  // checkout_started leaves the checkout through the outbox: wait for the drain the checkout kicked.
  await outboxIdle()
  await drainOutbox(t.payload)
  const { docs } = await t.payload.find({ collection: 'funnel-events', where: { order: { equals: res.body.order.id } }, overrideAccess: true, limit: 10 })
  const byType = Object.fromEntries(docs.map((d) => [d.type, d]))
  expect(docs.map((d) => d.type).sort()).toEqual(['checkout_started', 'paid'])
  expect(byType.paid.amount).toBe(2580)
  expect(byType.paid.article).toBe('article-42')
  expect(byType.paid.block).toBe(3)
  expect(byType.checkout_started.sharer).toBe('friend-7')
})
