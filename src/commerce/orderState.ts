// The order state machine at work (its rules: src/commerce/orderStateMachine.ts): one winner per transition
// (compare-and-set on `status`), an append-only history in `order-events`, and stock (and a flash-sale buyer's
// units) released exactly once when a held order is cancelled.
import type { Payload } from 'payload'

import { compareAndSetStatus } from '@/db/orderStatus'
import { releaseStock } from '@/db/stock'
import type { Order } from '@/payload-types'
import { publish } from '@/platform/events'
import { idOf, requiredIdOf } from '@/utilities/idOf'

import { CommerceError } from './errors'
import { giveBackBuyerAllowance } from './flashSale'
import { canTransition, type OrderStatus, orderStatusLabel } from './orderStateMachine'
import { forgetSoldOut } from './soldOut'

/**
 * A won transition, published after its history entry is written. The subscribers (analytics' funnel steps, the
 * buyer's notification, the coupon given back; src/subscribers.ts) run in turn and are each idempotent (keyed on
 * order and status), so a crash between them is repaired by a retry. An error of one reaches transitionOrder's caller.
 */
export type OrderTransitioned = { order: Order; from: OrderStatus; to: OrderStatus; reason: string; actor: string }

declare module '@/platform/events' {
  interface DomainEvents {
    'order.transitioned': OrderTransitioned
  }
}

export type TransitionInput = { to: OrderStatus; from?: OrderStatus; reason: string; actor: string }

export type TransitionResult = { ok: true; from: OrderStatus; order: Order } | { ok: false; current: OrderStatus; order: Order }

export async function recordOrderEvent(payload: Payload, order: Pick<Order, 'id' | 'brand'>, from: string | null, to: string, reason: string, actor: string) {
  await payload.create({
    collection: 'order-events',
    data: { order: order.id, from: from ?? undefined, to, reason, actor, brand: requiredIdOf(order.brand) },
    overrideAccess: true,
    depth: 0,
  })
}

/**
 * Moves an order from its current (or the given `from`) status to `to`. Illegal moves throw ILLEGAL_TRANSITION;
 * losing a race (someone else moved it first) returns `{ ok: false }` without side effects.
 * Side effects are run by the winner only: pending_payment → cancelled gives the held stock back, and every won
 * move is published as `order.transitioned` (awaited, see OrderTransitioned).
 */
export async function transitionOrder(payload: Payload, orderId: string, input: TransitionInput): Promise<TransitionResult> {
  const order = (await payload.findByID({ collection: 'orders', id: orderId, depth: 0, overrideAccess: true })) as Order
  const from = (input.from ?? order.status) as OrderStatus
  if (order.status !== from) return { ok: false, current: order.status as OrderStatus, order }
  if (!canTransition(from, input.to)) {
    throw new CommerceError(
      'ILLEGAL_TRANSITION',
      409,
      `订单状态不能从「${orderStatusLabel(from)}」变为「${orderStatusLabel(input.to)}」 (illegal transition ${from} → ${input.to})`,
    )
  }
  const won = await compareAndSetStatus(payload, 'orders', orderId, from, input.to)
  if (!won) {
    const fresh = (await payload.findByID({ collection: 'orders', id: orderId, depth: 0, overrideAccess: true })) as Order
    return { ok: false, current: fresh.status as OrderStatus, order: fresh }
  }
  if (from === 'pending_payment' && input.to === 'cancelled') {
    // Each line goes back to where it was held: its SKU (and the product's total) or the product itself.
    // A product deleted since the order has no stock left to give back.
    const held = order.items.flatMap((item) => {
      const product = idOf(item.product)
      return product ? [{ product, ...(item.variant ? { variant: item.variant } : {}), quantity: item.quantity }] : []
    })
    await releaseStock(payload, held)
    forgetSoldOut(held.map((line) => line.product)) // this instance sells them again at once; others within a second
    await giveBackBuyerAllowance(payload, order.buyerKey) // 秒杀 每人限购: the buyer may buy these units again
  }
  await recordOrderEvent(payload, order, from, input.to, input.reason, input.actor)
  const moved = { ...order, status: input.to }
  await publish(payload, 'order.transitioned', { order: moved, from, to: input.to, reason: input.reason, actor: input.actor })
  return { ok: true, from, order: moved }
}

export async function orderHistory(payload: Payload, orderId: string) {
  const { docs } = await payload.find({
    collection: 'order-events',
    where: { order: { equals: orderId } },
    sort: 'createdAt',
    limit: 100,
    depth: 0,
    overrideAccess: true,
  })
  return docs
}
