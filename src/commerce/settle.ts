// Settling WeChat Pay results, idempotently: callbacks (any number of times, in any order), the
// reconciliation job and the order page's query can all race; each step is a compare-and-set, so an order is
// paid once and a payment is never applied to a different order or with a different amount.
import type { Payload } from 'payload'

import { compareAndSetStatus } from '@/db/orderStatus'
import { settleAtomically } from '@/db/settlement'
import type { Order, Payment } from '@/payload-types'
import { kickOutbox } from '@/platform/outbox'
import { requiredIdOf } from '@/utilities/idOf'
import type { WechatPayRefundNotice, WechatPayTransaction } from '@/wechat/pay/types'

import { transitionOrder } from './orderState'
import { orderTransitionedMessage } from './outboxHandlers'

export type SettleOutcome =
  | { result: 'paid'; order: string }
  | { result: 'duplicate' }
  | { result: 'late'; order: string }
  | { result: 'rejected'; reason: 'UNKNOWN_TRADE' | 'AMOUNT_MISMATCH' | 'NOT_SUCCESS' }

export async function findPayment(payload: Payload, outTradeNo: string): Promise<Payment | null> {
  const { docs } = await payload.find({ collection: 'payments', where: { outTradeNo: { equals: outTradeNo } }, limit: 1, depth: 0, overrideAccess: true })
  return (docs[0] as Payment) ?? null
}

/** Applies a verified SUCCESS transaction (from a callback or a query). Safe to call any number of times. */
export async function settlePayment(payload: Payload, tx: WechatPayTransaction, source: 'callback' | 'query'): Promise<SettleOutcome> {
  if (tx.trade_state !== 'SUCCESS') return { result: 'rejected', reason: 'NOT_SUCCESS' }
  const payment = await findPayment(payload, tx.out_trade_no)
  if (!payment) return { result: 'rejected', reason: 'UNKNOWN_TRADE' }
  // §4.7 step 6: the amount must be what we asked for (a tampered or mismatched amount never pays anything).
  if (tx.amount?.total !== payment.amount) {
    payload.logger.error({ msg: 'wechatpay: amount mismatch', outTradeNo: tx.out_trade_no, expected: payment.amount, got: tx.amount?.total })
    return { result: 'rejected', reason: 'AMOUNT_MISMATCH' }
  }
  const paidAt = tx.success_time ? new Date(tx.success_time).toISOString() : new Date().toISOString()
  const orderId = requiredIdOf(payment.order)
  const reason = `wechatpay ${tx.transaction_id ?? ''} via ${source}`.trim()
  // Payment and order move together, or neither does (src/db/settlement.ts); the notifications and funnel steps
  // follow through the outbox.
  const settled = await settleAtomically(payload, {
    paymentId: payment.id,
    orderId,
    brand: requiredIdOf(payment.brand),
    transactionId: tx.transaction_id,
    paidAt,
    settledBy: source,
    payerOpenid: tx.payer?.openid,
    history: { reason, actor: 'wechatpay' },
    outbox: [orderTransitionedMessage({ order: orderId, from: 'pending_payment', to: 'paid', reason, actor: 'wechatpay' })],
  })
  if (settled.order) {
    kickOutbox(payload, 0)
    return { result: 'paid', order: orderId }
  }
  if (!settled.payment) return { result: 'duplicate' }
  const current = ((await payload.findByID({ collection: 'orders', id: orderId, depth: 0, overrideAccess: true })) as Order).status
  // The money arrived but the order can no longer take it (expired and cancelled, or paid by another attempt):
  // keep the record and refund this payment; never pay the order twice.
  payload.logger.warn({ msg: 'wechatpay: payment for an order that is not pending; refunding it', order: orderId, state: current })
  await payload.update({
    collection: 'payments',
    id: payment.id,
    data: { note: `late payment (order ${current}); refund required` },
    overrideAccess: true,
    depth: 0,
  })
  if (current === 'cancelled') {
    await transitionOrder(payload, orderId, { from: 'cancelled', to: 'refunding', reason: 'payment after the order was cancelled', actor: 'system' })
  }
  const { refundPayment } = await import('./refund')
  await refundPayment(payload, { ...payment, status: 'paid' }, 'late or duplicate payment').catch((error) =>
    payload.logger.error({ msg: 'wechatpay: automatic refund failed; the reconciliation job retries', error: (error as Error).message }),
  )
  return { result: 'late', order: orderId }
}

/** Applies a verified REFUND.* notice (or a refund query): SUCCESS completes the refund once. */
export async function settleRefund(
  payload: Payload,
  notice: Pick<WechatPayRefundNotice, 'out_refund_no' | 'out_trade_no' | 'refund_status'>,
): Promise<'refunded' | 'duplicate' | 'pending' | 'failed' | 'unknown'> {
  const payment = await findPayment(payload, notice.out_trade_no)
  if (!payment || payment.outRefundNo !== notice.out_refund_no) return 'unknown'
  if (notice.refund_status === 'PROCESSING') return 'pending'
  if (notice.refund_status !== 'SUCCESS') {
    await payload.update({ collection: 'payments', id: payment.id, data: { refundStatus: notice.refund_status }, overrideAccess: true, depth: 0 })
    return 'failed'
  }
  if (!(await compareAndSetStatus(payload, 'payments', payment.id, 'refunding', 'refunded'))) return 'duplicate'
  await payload.update({ collection: 'payments', id: payment.id, data: { refundStatus: 'SUCCESS' }, overrideAccess: true, depth: 0 })
  const order = (await payload.findByID({ collection: 'orders', id: requiredIdOf(payment.order), depth: 0, overrideAccess: true })) as Order
  if (order.status === 'refunding') {
    await transitionOrder(payload, order.id, { from: 'refunding', to: 'refunded', reason: `refund ${notice.out_refund_no}`, actor: 'wechatpay' })
  }
  return 'refunded'
}
