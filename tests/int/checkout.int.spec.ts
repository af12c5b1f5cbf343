// POST /api/checkout: contract, oversell under 1,000 concurrent buyers, summed lines, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { activeEngine } from '@/db/engine'
import { BACKSTOP_PAGES, moveCheckpointsOffTheLoop } from '@/db/sqliteCheckpoints'
import { statementCounts } from '@/db/sqliteStatements'
import { readStock } from '@/db/stock'
import { directRouteFor } from '@/platform/http/directRoutes'

import { shutdown } from '../helpers/payload'
import { prepay, rest } from '../helpers/rest'
import { type CheckoutBed, startCheckoutBed, stopCheckoutBed } from './checkoutBed'

let t: CheckoutBed

beforeAll(async () => {
  t = await startCheckoutBed()
})
afterAll(async () => {
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})

const buy = (json: unknown) => rest('POST', '/checkout', { json })
const ordersOf = async (productId: string) =>
  (await t.payload.find({ collection: 'orders', where: { 'items.product': { equals: productId } }, limit: 0, pagination: false, overrideAccess: true })).docs

describe('POST /api/checkout', () => {
  it('creates a pending_payment order priced from the database, holds stock, and returns what each channel needs', async () => {
    const p = await t.product(5, 4990)
    const native = await buy({
      items: [{ product: p.id, quantity: 2 }],
      channel: 'native',
      attribution: { article: 'art-1', block: 2, sharer: 'u9' },
      buyer: { name: '王小明', phone: '13800000000', address: '杭州' },
    })
    expect(native.status).toBe(201)
    expect(native.body.order).toMatchObject({ status: 'pending_payment', total: 9980 })
    expect(Object.keys(native.body.order).sort()).toEqual(['id', 'number', 'status', 'total'])
    // The answer names the payment; WeChat Pay is first asked when the buyer taps 去支付 (payUrl / prepayUrl).
    const { payment } = native.body
    expect(payment).toMatchObject({ channel: 'native', sandbox: true })
    expect(payment.outTradeNo).not.toBe(native.body.order.number)
    expect(payment.payUrl).toBe(`http://localhost/o/${native.body.order.number}/pay?t=${native.body.orderUrl.split('t=')[1]}`)
    expect(payment.prepayUrl).toMatch(new RegExp(`^http://localhost/api/checkout/${native.body.order.number}/prepay\\?t=`))
    expect(t.bed.emulator.getOrder(payment.outTradeNo)).toBeUndefined()
    expect(native.body.orderUrl).toMatch(new RegExp(`^/o/${native.body.order.number}\\?t=[\\w-]{20,}$`))
    expect(await readStock(t.payload, p.id)).toBe(3)
    const order = await t.payload.findByID({ collection: 'orders', id: native.body.order.id, overrideAccess: true })
    expect(order.attribution).toMatchObject({ article: 'art-1', block: 2, sharer: 'u9' })
    expect(order.items[0]).toMatchObject({ unitPrice: 4990, quantity: 2 })
    const tapped = await prepay(native.body)
    expect(tapped.status).toBe(200)
    expect(tapped.body.payment).toMatchObject({ channel: 'native', outTradeNo: payment.outTradeNo, codeUrl: expect.stringMatching(/^http/) })
    expect(t.bed.emulator.getOrder(payment.outTradeNo)?.totalFen).toBe(9980)

    const h5 = await buy({ items: [{ product: p.id, quantity: 1 }], channel: 'h5' })
    expect(h5.status).toBe(201)
    const h5Pay = (await prepay(h5.body)).body.payment
    expect(h5Pay.h5Url).toMatch(/^http/)
    expect(h5Pay.payUrl).toContain('redirect_url=')

    const jsapi = await buy({ items: [{ product: p.id, quantity: 1 }], channel: 'jsapi' })
    expect(jsapi.status).toBe(201)
    const jsapiPay = (await prepay(jsapi.body)).body.payment
    expect(jsapiPay.jsapi).toMatchObject({ appId: t.bed.config.appid, signType: 'RSA' })
    expect(jsapiPay.jsapi.package).toMatch(/^prepay_id=/)
    expect(await readStock(t.payload, p.id)).toBe(1)
  })

  it('answers an anonymous checkout on the direct route (no Next router) as the REST route does; signed-in users go through Payload', async () => {
    const route = directRouteFor('POST', '/api/checkout')!
    expect(route.accepts(new Headers())).toBe(true)
    expect(route.accepts(new Headers({ authorization: 'JWT x' }))).toBe(false)
    expect(route.accepts(new Headers({ cookie: 'tw_vid=1; payload-token=x' }))).toBe(false)
    const p = await t.product(2, 1500)
    const direct = (json: unknown) =>
      route.answer({
        method: 'POST',
        url: 'http://localhost/api/checkout',
        headers: new Headers({ 'content-type': 'application/json' }),
        text: async () => JSON.stringify(json),
      })
    const res = await direct({ items: [{ product: p.id, quantity: 2 }], channel: 'native' })
    expect(res.status).toBe(201)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.json()
    expect(body.order).toMatchObject({ status: 'pending_payment', total: 3000 })
    expect((await prepay(body)).body.payment.codeUrl).toMatch(/^http/)
    expect(await readStock(t.payload, p.id)).toBe(0)
    const refused = await direct({ items: [{ product: p.id, quantity: 0 }], channel: 'native' })
    expect(refused.status).toBe(400)
    expect((await refused.json()).error.field).toBe('items[0].quantity')
  })

  it('obtains the prepay once per payment attempt: 20 taps at once and a later one get the same payment', async () => {
    const p = await t.product(5)
    const res = await buy({ items: [{ product: p.id, quantity: 1 }], channel: 'native' })
    const taps = await Promise.all(Array.from({ length: 20 }, () => prepay(res.body)))
    expect(taps.map((r) => r.status)).toEqual(Array(20).fill(200))
    const later = await prepay(res.body)
    const codes = new Set([...taps, later].map((r) => `${r.body.payment.outTradeNo} ${r.body.payment.codeUrl}`))
    expect(codes.size).toBe(1)
    const rows = await t.payload.find({ collection: 'payments', where: { order: { equals: res.body.order.id } }, overrideAccess: true })
    expect(rows.totalDocs).toBe(1)
    expect(rows.docs[0]).toMatchObject({ attempt: 1, status: 'pending', outTradeNo: res.body.payment.outTradeNo })
  })

  it('refuses a prepay for a wrong token (404) and for an order no longer waiting for payment (409 ORDER_NOT_PAYABLE)', async () => {
    const p = await t.product(5)
    const res = await buy({ items: [{ product: p.id, quantity: 1 }], channel: 'native' })
    const forged = { payment: { prepayUrl: res.body.payment.prepayUrl.replace(/t=[^&]+/, 't=forged-token-forged-token') } }
    expect((await prepay(forged)).status).toBe(404)
    await t.payload.update({
      collection: 'orders',
      id: res.body.order.id,
      data: { expiresAt: new Date(t.bed.clock.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    const late = await prepay(res.body)
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('ORDER_NOT_PAYABLE')
    expect(t.bed.emulator.getOrder(res.body.payment.outTradeNo)).toBeUndefined()
  })

  it('never oversells: 1,000 concurrent checkouts against 100 units, three times', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await t.product(100)
      const results = await Promise.all(Array.from({ length: 1000 }, () => buy({ items: [{ product: p.id, quantity: 1 }], channel: 'native' })))
      const statuses = results.map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(100)
      expect(statuses.filter((s) => s === 409)).toHaveLength(900)
      expect(results.find((r) => r.status === 409)?.body.error.code).toBe('OUT_OF_STOCK')
      expect(await readStock(t.payload, p.id)).toBe(0)
      const orders = await ordersOf(p.id)
      expect(orders).toHaveLength(100)
      expect(orders.every((o) => o.status === 'pending_payment')).toBe(true)
      expect(new Set(orders.map((o) => o.number)).size).toBe(100)
    }
  })

  it.runIf(activeEngine() === 'sqlite')('reuses its prepared statements on SQLite (the cache is on the connection Payload uses)', async () => {
    const p = await t.product(10)
    await buy({ items: [{ product: p.id, quantity: 1 }], channel: 'native' })
    const before = statementCounts()
    expect((await buy({ items: [{ product: p.id, quantity: 1 }], channel: 'native' })).status).toBe(201)
    const after = statementCounts()
    expect(after.reused - before.reused).toBeGreaterThan(5)
    expect(after.prepared - before.prepared).toBeLessThan(after.reused - before.reused)
  })

  it.runIf(activeEngine() === 'sqlite')('checkpoints SQLite from a worker on the server, keeping only a backstop on the connection', async () => {
    const client = (t.payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }> } }).client
    await moveCheckpointsOffTheLoop(t.payload)
    await moveCheckpointsOffTheLoop(t.payload) // once per process
    expect(Number((await client.execute('PRAGMA wal_autocheckpoint')).rows[0].wal_autocheckpoint)).toBe(BACKSTOP_PAGES)
    const p = await t.product(50)
    const results = await Promise.all(Array.from({ length: 60 }, () => buy({ items: [{ product: p.id, quantity: 1 }], channel: 'native' })))
    expect(results.filter((r) => r.status === 201)).toHaveLength(50)
    expect(await readStock(t.payload, p.id)).toBe(0)
  })

  it('sums several lines of the same SKU before the check', async () => {
    const p = await t.product(3)
    const over = await buy({
      items: [
        { product: p.id, quantity: 2 },
        { product: p.id, quantity: 2 },
      ],
      channel: 'native',
    })
    expect(over.status).toBe(409)
    expect(await readStock(t.payload, p.id)).toBe(3)
    const ok = await buy({
      items: [
        { product: p.id, quantity: 2 },
        { product: p.id, quantity: 1 },
      ],
      channel: 'native',
    })
    expect(ok.status).toBe(201)
    expect(ok.body.order.total).toBe(3 * 1290)
    expect(await readStock(t.payload, p.id)).toBe(0)
  })

  it('holds several products all or nothing', async () => {
    const a = await t.product(5)
    const b = await t.product(1)
    const res = await buy({
      items: [
        { product: a.id, quantity: 2 },
        { product: b.id, quantity: 2 },
      ],
      channel: 'native',
    })
    expect(res.status).toBe(409)
    expect(await readStock(t.payload, a.id)).toBe(5)
    expect(await readStock(t.payload, b.id)).toBe(1)
  })

  it('rejects bad input with 400/409, a message naming the field, and no stock change', async () => {
    const p = await t.product(10)
    const line = (extra: Record<string, unknown>) => ({ items: [{ product: p.id, quantity: 1, ...extra }], channel: 'native' })
    const cases: Array<[unknown, number, string]> = [
      [{ items: [{ product: 'no-such-product', quantity: 1 }], channel: 'native' }, 400, 'items[0].product'],
      [{ items: [{ product: t.world.draftProductA.id, quantity: 1 }], channel: 'native' }, 400, 'items[0].product'],
      [line({ quantity: 0 }), 400, 'items[0].quantity'],
      [line({ quantity: 1e9 }), 400, 'items[0].quantity'],
      [line({ quantity: -1 }), 400, 'items[0].quantity'],
      [line({ quantity: 1.5 }), 400, 'items[0].quantity'],
      [line({ quantity: '1' }), 400, 'items[0].quantity'],
      [line({ variant: 'XL-red' }), 400, 'items[0].variant'],
      [line({ price: 1 }), 400, 'items[0].price'],
      [{ items: [{ product: 42, quantity: 1 }], channel: 'native' }, 400, 'items[0].product'],
      [{ items: [], channel: 'native' }, 400, 'items'],
      [{ items: 'x', channel: 'native' }, 400, 'items'],
      [{ items: [{ product: p.id, quantity: 1 }], channel: 'alipay' }, 400, 'channel'],
      [{ items: [{ product: p.id, quantity: 1 }] }, 400, 'channel'],
      [{ items: [{ product: p.id, quantity: 1 }], channel: 'native', total: 1 }, 400, 'total'],
      [{ items: [{ product: p.id, quantity: 1 }], channel: 'native', buyer: { phone: 123 } }, 400, 'buyer.phone'],
      [{ items: [{ product: p.id, quantity: 1 }], channel: 'native', attribution: { block: -1 } }, 400, 'attribution.block'],
      [[1, 2], 400, 'body'],
      [
        {
          items: [
            { product: p.id, quantity: 1 },
            { product: t.world.productB.id, quantity: 1 },
          ],
          channel: 'native',
        },
        400,
        'items',
      ],
      [line({ quantity: 11 }), 409, ''],
    ]
    for (const [json, status, field] of cases) {
      const res = await buy(json)
      expect(res.status, JSON.stringify(json)).toBe(status)
      expect(typeof res.body.error.message).toBe('string')
      if (field)
        expect(res.body.error.message.startsWith(`${field}:`) || res.body.error.field === field, `${JSON.stringify(res.body)} names ${field}`).toBe(true)
    }
    expect(await readStock(t.payload, p.id)).toBe(10)
    expect(await ordersOf(p.id)).toHaveLength(0)
  })

  it('rejects a body that is not JSON', async () => {
    const { REST_POST } = await import('@payloadcms/next/routes')
    const config = (await import('@payload-config')).default
    const response = await REST_POST(config)(
      new Request('http://localhost/api/checkout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"items":' }),
      {
        params: Promise.resolve({ slug: ['checkout'] }),
      },
    )
    expect(response.status).toBe(400)
    expect((await response.json()).error.message).toMatch(/^body:/)
  })
})
