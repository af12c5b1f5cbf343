// What a brand's team may do to an order from the admin: ship, complete, cancel an unpaid one, refund.
// Every move goes through the state machine, so illegal ones are refused and each leaves a history entry.
import type { Payload, PayloadRequest } from 'payload'

import { canInBrand } from '@/access/roles'
import type { Order } from '@/payload-types'
import { idOf } from '@/utilities/idOf'

import { carrierLabel } from './carriers'
import { CommerceError } from './errors'
import { transitionOrder } from './orderState'
import { ORDER_ACTION_CAPABILITY, ORDER_ACTION_RULES, type OrderAction, type OrderStatus, orderStatusLabel } from './orderStateMachine'
import { refundOrder } from './refund'
import { type ShipmentInput, shipmentInput, writeShipment } from './shipment'

/** Admins, and the owners and operators of the order's brand (after-sales is theirs, not editors'). */
export function canActOnOrder(user: PayloadRequest['user'], order: Pick<Order, 'brand'>): boolean {
  return canInBrand(user, idOf(order.brand), ORDER_ACTION_CAPABILITY)
}

export type OrderActionInput = { actor: string; note?: string; shipment?: { carrier?: unknown; trackingNumber?: unknown } }

export async function applyOrderAction(payload: Payload, order: Order, action: OrderAction, { actor, note, shipment }: OrderActionInput): Promise<Order> {
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
  const parcel = action === 'ship' ? shipmentInput(shipment) : undefined
  const reason = note || (parcel ? `${rule.reason}（${carrierLabel(parcel.carrier)} ${parcel.trackingNumber}）` : rule.reason)
  if (parcel) {
    await ship(payload, order, parcel, { reason, actor })
  } else if (action === 'refund') {
    await refundOrder(payload, order.id, reason, actor)
  } else {
    await move(payload, order, rule.to, { reason, actor })
  }
  return (await payload.findByID({ collection: 'orders', id: order.id, depth: 0, overrideAccess: true })) as Order
}

async function move(payload: Payload, order: Order, to: OrderStatus, { reason, actor }: { reason: string; actor: string }) {
  const moved = await transitionOrder(payload, order.id, { to, from: order.status as never, reason, actor })
  if (!moved.ok)
    throw new CommerceError('ILLEGAL_TRANSITION', 409, `订单状态已变为「${orderStatusLabel(String(moved.current))}」，请刷新后重试 (order changed meanwhile)`)
}

/** The parcel is written before the move, so the shipped notification (queued by the move) can name it; put back if the move is lost. */
async function ship(payload: Payload, order: Order, parcel: ShipmentInput, how: { reason: string; actor: string }) {
  await writeShipment(payload, order.id, { ...parcel, shippedAt: new Date().toISOString() })
  try {
    await move(payload, order, 'shipped', how)
  } catch (error) {
    await writeShipment(payload, order.id, order.shipment ?? null)
    throw error
  }
}
