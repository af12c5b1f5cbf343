// 已售 N 件: units of paid orders, counted once per order (a redelivered event does not count twice), taken off by
// a refund; unpaid and cancelled orders do not count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { transitionOrder } from '@/commerce/orderState'
import { countSale, soldCounts } from '@/commerce/soldCount'
import type { Order } from '@/payload-types'

import { shutdown } from '../helpers/payload'
import { type CheckoutBed, startCheckoutBed, stopCheckoutBed } from './checkoutBed'
import { readerPost } from './communityHelpers'

let t: CheckoutBed
beforeAll(async () => {
  t = await startCheckoutBed()
})
afterAll(async () => {
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})

const order = async (productId: string, quantity: number) => {
  const r = await readerPost('/checkout', undefined, { items: [{ product: productId, quantity }], channel: 'native' })
  expect(r.status).toBe(201)
  return r.body.order.id as string
}
const move = (id: string, from: Order['status'], to: Order['status']) => transitionOrder(t.payload, id, { from, to, reason: 'test', actor: 'test' })
const sold = async (id: string) => (await soldCounts(t.payload, [id])).get(id) ?? 0

describe('sold count', () => {
  it('counts the units of paid orders once each, and a refund takes them off', async () => {
    const p = await t.product(20, 1000)
    const other = await t.product(20, 1000)
    expect(await sold(p.id)).toBe(0)
    const a = await order(p.id, 2)
    const b = await order(p.id, 3)
    const unpaid = await order(p.id, 4)
    await move(a, 'pending_payment', 'paid')
    await move(b, 'pending_payment', 'paid')
    await move(unpaid, 'pending_payment', 'cancelled')
    expect(await sold(p.id)).toBe(5)
    expect(await sold(other.id)).toBe(0)

    // the event delivered again (a retry) changes nothing
    const paidOrder = (await t.payload.findByID({ collection: 'orders', id: a, overrideAccess: true, depth: 0 })) as Order
    await countSale(t.payload, paidOrder, 'paid')
    expect(await sold(p.id)).toBe(5)

    await move(a, 'paid', 'refunding')
    await move(a, 'refunding', 'refunded')
    expect(await sold(p.id)).toBe(3)
    await countSale(t.payload, paidOrder, 'refunded') // again: nothing more comes off
    expect(await sold(p.id)).toBe(3)
  })
})
