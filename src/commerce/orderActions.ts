// What a brand's team may do to an order from the admin: ship, complete, cancel an unpaid one, refund.
// Every move goes through the state machine, so illegal ones are refused and each leaves a history entry.
import type { Payload, PayloadRequest } from 'payload'

import { brandIdsOf, hasRole } from '@/access/roles'
import type { Order } from '@/payload-types'

import { CommerceError } from './errors'
import { transitionOrder } from './orderState'
import { refundOrder } from './refund'

export const ORDER_ACTIONS = ['ship', 'complete', 'cancel', 'refund'] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

const TARGET = { ship: 'shipped', complete: 'completed', cancel: 'cancelled' } as const

const idOf = (v: unknown) => (typeof v === 'string' ? v : (v as { id: string }).id)

/** Admins, and editors or brand-team users of the order's brand. */
export function canActOnOrder(user: PayloadRequest['user'], order: Pick<Order, 'brand'>): boolean {
  if (hasRole(user, 'admin')) return true
  if (!hasRole(user, 'editor') && !hasRole(user, 'brand')) return false
  return brandIdsOf(user).includes(idOf(order.brand))
}

export async function applyOrderAction(
  payload: Payload,
  order: Order,
  action: OrderAction,
  { actor, note }: { actor: string; note?: string },
): Promise<Order> {
  if (action === 'refund') {
    await refundOrder(payload, order.id, note || '商家发起退款', actor)
  } else {
    const reason = note || { ship: '商家已发货', complete: '订单完成', cancel: '商家取消未支付订单' }[action]
    const moved = await transitionOrder(payload, order.id, { to: TARGET[action], from: order.status as never, reason, actor })
    if (!moved.ok) throw new CommerceError('ILLEGAL_TRANSITION', 409, `订单状态已变为 ${moved.current}，请刷新后重试 (order changed meanwhile)`)
  }
  return (await payload.findByID({ collection: 'orders', id: order.id, depth: 0, overrideAccess: true })) as Order
}
