// 已售 N 件 on a product page: units in paid orders (a refund takes them off), kept in counters so the page reads
// one row per product, never the orders. Counted once per order whatever the event's redelivery: the order's own
// counter (0 or 1) is the guard.
import type { Payload } from 'payload'

import { giveBack, giveBackOne, readCounters, takeOneUpTo, takeUpTo } from '../db/counters'
import type { Order } from '../payload-types'
import { idOf } from '../utilities/idOf'

const NO_LIMIT = 1_000_000_000
const productKey = (productId: string) => `sold:product:${productId}`
const orderKey = (orderId: string) => `sold:order:${orderId}`

function unitsByProduct(order: Pick<Order, 'items'>): Map<string, number> {
  const units = new Map<string, number>()
  for (const item of order.items ?? []) {
    const id = idOf(item.product)
    if (id) units.set(String(id), (units.get(String(id)) ?? 0) + item.quantity)
  }
  return units
}

/** On an order's payment (`paid`) or refund (`refunded`). A display figure: a crash between the steps loses one order. */
export async function countSale(payload: Payload, order: Pick<Order, 'id' | 'items'>, to: 'paid' | 'refunded'): Promise<void> {
  const units = unitsByProduct(order)
  if (to === 'paid') {
    if (!(await takeOneUpTo(payload, orderKey(String(order.id)), 1))) return
    for (const [product, n] of units) await takeUpTo(payload, productKey(product), n, NO_LIMIT)
  } else {
    if (!(await giveBackOne(payload, orderKey(String(order.id))))) return
    for (const [product, n] of units) await giveBack(payload, productKey(product), n)
  }
}

/** Units sold per product id (absent: none yet). */
export async function soldCounts(payload: Payload, productIds: string[]): Promise<Map<string, number>> {
  const counters = await readCounters(payload, productIds.map(productKey))
  return new Map(productIds.flatMap((id) => (counters.has(productKey(id)) ? [[id, counters.get(productKey(id))!.used] as [string, number]] : [])))
}
