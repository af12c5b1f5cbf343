// The push-day hot path: stock, order, items, first history row and the funnel step are written in one atomic step
// (src/db/orderPlacement.ts) or not at all; side effects leave through the outbox; sold out is answered from
// memory and forgotten when stock comes back; a crowd beyond the admission bound is turned away fast.
import { sql } from '@payloadcms/db-sqlite/drizzle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireOrders } from '@/commerce/expire'
import { SOLD_OUT_TTL_MS } from '@/commerce/soldOut'
import { pendingOutboxCount } from '@/db/outbox'
import { execute } from '@/db/relational'
import { readStock } from '@/db/stock'
import { outboxIdle } from '@/platform/outbox'

import { shutdown } from '../helpers/payload'
import { rest } from '../helpers/rest'
import { type CheckoutBed, startCheckoutBed, stopCheckoutBed } from './checkoutBed'

let t: CheckoutBed
let ip = 0
const buy = (product: string, extra: Record<string, unknown> = {}) =>
  rest('POST', '/checkout', {
    json: { items: [{ product, quantity: 1 }], channel: 'native', ...extra },
    headers: { 'x-forwarded-for': `192.0.2.${++ip % 250}` },
  })

beforeAll(async () => {
  t = await startCheckoutBed()
})
afterAll(async () => {
  await outboxIdle()
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})

const count = async (collection: 'orders' | 'order-events' | 'funnel-events', where: object) =>
  (await t.payload.count({ collection, where: where as never, overrideAccess: true })).totalDocs

describe('one atomic step', () => {
  it('writes the order with its items, its first history row and its funnel step (through the outbox)', async () => {
    const p = await t.product(3, 1990)
    const res = await buy(p.id, { attribution: { article: 'push-1', block: 2 } })
    expect(res.status).toBe(201)
    const order = await t.payload.findByID({ collection: 'orders', id: res.body.order.id, overrideAccess: true, depth: 0 })
    expect(order).toMatchObject({ status: 'pending_payment', total: 1990, subtotal: 1990, discount: 0, attribution: { article: 'push-1', block: 2 } })
    expect(order.items).toHaveLength(1)
    expect(order.items[0]).toMatchObject({ product: p.id, quantity: 1, unitPrice: 1990 })
    expect(await count('order-events', { order: { equals: order.id } })).toBe(1)
    await outboxIdle()
    expect(await count('funnel-events', { and: [{ order: { equals: order.id } }, { type: { equals: 'checkout_started' } }] })).toBe(1)
    expect(await pendingOutboxCount(t.payload)).toBe(0)
    expect(await readStock(t.payload, p.id)).toBe(2)
  })

  it('writes nothing at all when a line is short, also for several products at once', async () => {
    const a = await t.product(5)
    const b = await t.product(1)
    await t.payload.update({ collection: 'products', id: b.id, data: { stock: 0 }, overrideAccess: true })
    const res = await rest('POST', '/checkout', {
      json: {
        items: [
          { product: a.id, quantity: 2 },
          { product: b.id, quantity: 1 },
        ],
        channel: 'native',
      },
    })
    expect(res.status).toBe(409)
    expect(await count('orders', { 'items.product': { equals: a.id } })).toBe(0)
    expect(await readStock(t.payload, a.id)).toBe(5)
  })

  it('1,000 buyers on 100 units: exactly 100 orders, 100 histories, stock 0', async () => {
    const p = await t.product(100)
    const results = await Promise.all(Array.from({ length: 1000 }, () => buy(p.id)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(100)
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409 || r.status === 503)).toBe(true)
    expect(await readStock(t.payload, p.id)).toBe(0)
    const orders = (
      await t.payload.find({ collection: 'orders', where: { 'items.product': { equals: p.id } }, limit: 0, pagination: false, overrideAccess: true, depth: 0 })
    ).docs
    expect(orders).toHaveLength(100)
    expect(await count('order-events', { order: { in: orders.map((o) => o.id) } })).toBe(100)
  })
})

describe('sold out is cheap', () => {
  it('answers from memory once a SKU is at 0 — even for a product that has since vanished from the database', async () => {
    const p = await t.product(1)
    expect((await buy(p.id)).status).toBe(201)
    const first = await buy(p.id)
    expect(first.status).toBe(409)
    expect(first.body.error.code).toBe('OUT_OF_STOCK')
    // Remove the row behind the cache's back: a database read would now answer UNKNOWN_PRODUCT (400).
    await execute(t.payload, sql`UPDATE products SET status = 'draft' WHERE id = ${p.id}`)
    const cached = await buy(p.id)
    expect(cached.status).toBe(409)
    expect(cached.body.error.code).toBe('OUT_OF_STOCK')
    await new Promise((r) => setTimeout(r, SOLD_OUT_TTL_MS + 50))
    expect((await buy(p.id)).body.error.code).toBe('UNKNOWN_PRODUCT')
  })

  it('forgets at once when an unpaid order gives its stock back, and when stock is added', async () => {
    const p = await t.product(1)
    const held = await buy(p.id)
    expect(held.status).toBe(201)
    expect((await buy(p.id)).status).toBe(409)
    const summary = await expireOrders(t.payload, new Date(held.body.payment.expiresAt).getTime() + 1000)
    expect(summary.cancelled).toBeGreaterThanOrEqual(1)
    expect((await buy(p.id)).status).toBe(201) // immediately, not after the TTL
    expect((await buy(p.id)).status).toBe(409)
    await t.payload.update({ collection: 'products', id: p.id, data: { stock: 4 }, overrideAccess: true })
    expect((await buy(p.id)).status).toBe(201)
  })
})
