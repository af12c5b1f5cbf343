// 我的订单: the orders of the reader the signed tw_reader cookie names, newest first, 20 a page, each linked to its
// order page; another reader's cookie sees none of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { newOrderToken } from '@/commerce/orderToken'
import { orderByNumberAndToken } from '@/commerce/orderView'
import { READER_ORDERS_PAGE_SIZE, readerOrders, readerOrdersPage } from '@/commerce/readerOrders'
import type { Customer, Order } from '@/payload-types'
import { readerCookie, readerOf } from '@/platform/reader'
import { encryptSecret } from '@/platform/secrets'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'

let payload: Awaited<ReturnType<typeof bootPayload>>
let w: World
let alice: Customer
let bob: Customer
const aliceNumbers: string[] = []
let n = 0

/** The request of a browser carrying this reader's signed cookie. */
const requestOf = (customer: Customer) => ({ headers: new Headers({ cookie: readerCookie(customer.id, Date.now(), false).split(';')[0] }) })

async function placeOrder(reader: Customer | null, createdAt: string): Promise<Order> {
  const { token, hash } = newOrderToken()
  return (await payload.create({
    collection: 'orders',
    data: {
      number: `TWLIST${Date.now()}${++n}`,
      status: 'paid',
      items: [{ product: w.productA.id, title: `茶 ${n}`, unitPrice: 1290, quantity: 1 }],
      total: 1290,
      brand: w.brandA.id,
      ...(reader ? { reader: reader.id } : {}),
      accessTokenHash: hash,
      accessTokenEncrypted: encryptSecret(token),
      createdAt,
    },
    overrideAccess: true,
    depth: 0,
  })) as Order
}

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  const customer = (openid: string) =>
    payload.create({ collection: 'customers', data: { openid, appId: 'wx0123456789abcdef', brand: w.brandA.id }, overrideAccess: true }) as Promise<Customer>
  alice = await customer('o_alice_orders')
  bob = await customer('o_bob_orders')
  const start = Date.parse('2026-11-01T00:00:00.000Z')
  for (let i = 0; i < READER_ORDERS_PAGE_SIZE + 2; i++) {
    const order = await placeOrder(alice, new Date(start + i * 60_000).toISOString())
    aliceNumbers.unshift(order.number) // newest first
  }
  await placeOrder(bob, new Date(start + 30 * 60_000).toISOString())
  await placeOrder(null, new Date(start + 31 * 60_000).toISOString())
})
afterAll(() => shutdown(payload))

describe('readerOrders', () => {
  it('lists the cookie’s reader’s orders newest first, 20 a page, the rest on the next', async () => {
    const customerId = readerOf(requestOf(alice)).customerId
    expect(customerId).toBe(alice.id)
    const first = await readerOrders(payload, customerId)
    expect(first.rows.map((r) => r.number)).toEqual(aliceNumbers.slice(0, READER_ORDERS_PAGE_SIZE))
    expect(first.nextPage).toBe(2)
    const second = await readerOrders(payload, customerId, first.nextPage)
    expect(second.rows.map((r) => r.number)).toEqual(aliceNumbers.slice(READER_ORDERS_PAGE_SIZE))
    expect(second.nextPage).toBeUndefined()
    expect(first.rows[0]).toMatchObject({ status: 'paid', title: expect.stringMatching(/^茶 \d+$/), total: 1290 })
  })

  it('links each row to its own order page (the guest token the order was placed with)', async () => {
    const { rows } = await readerOrders(payload, alice.id)
    for (const row of rows.slice(0, 3)) {
      const url = new URL(row.path!, 'http://localhost')
      expect(url.pathname).toBe(`/o/${row.number}`)
      expect((await orderByNumberAndToken(payload, row.number, url.searchParams.get('t') ?? undefined))?.id).toBe(row.id)
    }
  })

  it('another reader’s cookie sees none of the first reader’s orders; no cookie sees nothing', async () => {
    const { rows } = await readerOrders(payload, readerOf(requestOf(bob)).customerId)
    expect(rows).toHaveLength(1)
    expect(aliceNumbers).not.toContain(rows[0].number)
    expect(rows.some((r) => r.path && aliceNumbers.some((number) => r.path!.includes(number)))).toBe(false)
    expect(await readerOrders(payload, readerOf({ headers: new Headers() }).customerId)).toEqual({ rows: [] })
    // a forged cookie (Alice's id, no valid signature) is nobody
    expect(readerOf({ headers: new Headers({ cookie: `tw_reader=${alice.id}.9999999999.${'x'.repeat(32)}` }) }).customerId).toBeUndefined()
  })

  it('reads the page parameter as a bounded page number', () => {
    expect(readerOrdersPage(undefined)).toBe(1)
    expect(readerOrdersPage('2')).toBe(2)
    expect(readerOrdersPage('0')).toBe(1)
    expect(readerOrdersPage('999')).toBe(100)
    expect(readerOrdersPage('1e9')).toBe(1)
    expect(readerOrdersPage(['2'])).toBe(1)
  })
})
