import type { Payload } from 'payload'

import { compareAndSetStatus } from '@/db/orderStatus'
import type { Order, Payment } from '@/payload-types'
import { requiredIdOf } from '@/utilities/idOf'
import { newOutRefundNo } from '@/wechat/pay/outTradeNo'

import { CommerceError } from './errors'
import { transitionOrder } from './orderState'
import { payGateway } from './payGateway'

/**
 * Refunds one paid payment in full. The out_refund_no is derived from the order and persisted before the call
 * (§4.10), so a retry after a timeout or 429 is the same refund, never a second one.
 */
export async function refundPayment(payload: Payload, payment: Payment, reason: string): Promise<void> {
  const order = (await payload.findByID({ collection: 'orders', id: requiredIdOf(payment.order), depth: 0, overrideAccess: true })) as Order
  const outRefundNo = payment.outRefundNo ?? newOutRefundNo(order.number, payment.attempt)
  if (payment.status === 'paid') {
    if (!(await compareAndSetStatus(payload, 'payments', payment.id, 'paid', 'refunding'))) return
    await payload.update({ collection: 'payments', id: payment.id, data: { outRefundNo, refundStatus: 'REQUESTED' }, overrideAccess: true, depth: 0 })
  } else if (payment.status !== 'refunding') return
  await payGateway().client.refund({
    outTradeNo: payment.outTradeNo,
    outRefundNo,
    refundFen: payment.amount,
    totalFen: payment.amount,
    reason: reason.slice(0, 80),
  })
}

/** Admin/customer-service action: a paid (or shipped/completed) order is refunded in full. */
export async function refundOrder(payload: Payload, orderId: string, reason: string, actor: string): Promise<void> {
  const moved = await transitionOrder(payload, orderId, { to: 'refunding', reason, actor })
  if (!moved.ok) throw new CommerceError('ILLEGAL_TRANSITION', 409, `订单当前状态为 ${moved.current}，不能退款`)
  const { docs } = await payload.find({
    collection: 'payments',
    where: { and: [{ order: { equals: orderId } }, { status: { equals: 'paid' } }] },
    depth: 0,
    overrideAccess: true,
  })
  for (const payment of docs as Payment[]) await refundPayment(payload, payment, reason)
}
