import type { Payload } from 'payload'

import type { Order, Payment } from '@/payload-types'

import { orderHistory } from './orderState'
import { tokenMatches } from './orderToken'
import { reconcilePayments } from './reconcile'

/** The order behind /o/[number]?t=<token>, or null for a wrong number or token (indistinguishable on purpose). */
export async function orderForToken(payload: Payload, number: string, token: string | undefined) {
  if (!token || number.length > 40) return null
  const { docs } = await payload.find({
    collection: 'orders',
    where: { number: { equals: number } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  let order = docs[0] as Order | undefined
  if (!order || !tokenMatches(token, order.accessTokenHash)) return null
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
