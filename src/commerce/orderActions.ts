// What a brand's team may do to an order from the admin: ship, complete, cancel an unpaid one, refund.
// Every move goes through the state machine, so illegal ones are refused and each leaves a history entry.
import type { Payload, PayloadRequest } from 'payload'

import { canInBrand } from '@/access/roles'
import type { Order } from '@/payload-types'
import { idOf } from '@/utilities/idOf'

import { CommerceError } from './errors'
import { transitionOrder } from './orderState'
import { ORDER_ACTION_CAPABILITY, ORDER_ACTION_RULES, type OrderAction, orderStatusLabel } from './orderStateMachine'
import { refundOrder } from './refund'

/** Admins, and the owners and operators of the order's brand (after-sales is theirs, not editors'). */
export function canActOnOrder(user: PayloadRequest['user'], order: Pick<Order, 'brand'>): boolean {
  return canInBrand(user, idOf(order.brand), ORDER_ACTION_CAPABILITY)
}

export async function applyOrderAction(payload: Payload, order: Order, action: OrderAction, { actor, note }: { actor: string; note?: string }): Promise<Order> {
  const rule = ORDER_ACTION_RULES[action]
  // The API offers what the admin offers: e.g. a cancelled order has nothing to refund (it would wait in 退款中).
  if (!(rule.from as readonly string[]).includes(order.status)) {
    const allowed = rule.from.map(orderStatusLabel).join('、')
    throw new CommerceError(
      'ILLEGAL_TRANSITION',
      409,
      `「${rule.label}」只适用于${allowed}的订单，当前为「${orderStatusLabel(order.status)}」 (not offered from ${order.status})`,
    )
  }
  const reason = note || rule.reason
  if (action === 'refund') {
    await refundOrder(payload, order.id, reason, actor)
  } else {
    const moved = await transitionOrder(payload, order.id, { to: rule.to, from: order.status as never, reason, actor })
    if (!moved.ok)
      throw new CommerceError('ILLEGAL_TRANSITION', 409, `订单状态已变为「${orderStatusLabel(String(moved.current))}」，请刷新后重试 (order changed meanwhile)`)
  }
  return (await payload.findByID({ collection: 'orders', id: order.id, depth: 0, overrideAccess: true })) as Order
}
