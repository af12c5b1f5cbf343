import type { Payload } from 'payload'

import type { Order, Payment } from '@/payload-types'

import { orderHistory } from './orderState'
import { tokenMatches } from './orderToken'
import { reconcilePayments } from './reconcile'

/** The order with this number whose guest token is `token` (hidden fields included), or null: a wrong number and a
 * wrong token are indistinguishable on purpose. */
export async function orderByNumberAndToken(payload: Payload, number: string, token: string | undefined): Promise<Order | null> {
  if (!token || number.length > 40) return null
  const { docs } = await payload.find({
    collection: 'orders',
    where: { number: { equals: number } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const order = docs[0] as Order | undefined
  return order && tokenMatches(token, order.accessTokenHash) ? order : null
}

/** The order behind /o/[number]?t=<token> with its payments and history, or null for a wrong number or token. */
export async function orderForToken(payload: Payload, number: string, token: string | undefined) {
  let order = await orderByNumberAndToken(payload, number, token)
  if (!order) return null
  if (order.status === 'pending_payment') {
    // The buyer just came back from paying: ask WeChat Pay rather than wait for the callback.
    await reconcilePayments(payload, { orderId: order.id }).catch(() => undefined)
    order = (await payload.findByID({ collection: 'orders', id: order.id, depth: 0, overrideAccess: true })) as Order
  }
  const { docs: payments } = await payload.find({
    collection: 'payments',
    where: { order: { equals: order.id } },
    sort: '-createdAt',
    limit: 5,
    depth: 0,
    overrideAccess: true,
  })
  const history = await orderHistory(payload, order.id)
  return { order, payments: payments as Payment[], history }
}
