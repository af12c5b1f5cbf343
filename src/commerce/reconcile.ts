// Reconciliation job: asks WeChat Pay about payments still pending (a lost or delayed callback) and settles the
// ones that were paid; also re-drives refunds stuck in `refunding`.
import type { Payload } from 'payload'

import type { Payment } from '@/payload-types'
import { WechatPayError } from '@/wechat/pay/errors'

import { payGateway } from './payGateway'
import { settlePayment, settleRefund } from './settle'

export type ReconcileSummary = { checked: number; settled: number; refundsSettled: number; errors: number }

export async function reconcilePayments(payload: Payload, options: { olderThanMs?: number; limit?: number; orderId?: string } = {}): Promise<ReconcileSummary> {
  const gateway = payGateway()
  const summary: ReconcileSummary = { checked: 0, settled: 0, refundsSettled: 0, errors: 0 }
  // createdAt is stamped by the database clock, so the cut-off uses the same clock.
  const createdBefore = new Date(Date.now() - (options.olderThanMs ?? 0)).toISOString()
  const scope = options.orderId ? [{ order: { equals: options.orderId } }] : []
  const pending = await payload.find({
    collection: 'payments',
    where: { and: [{ status: { equals: 'pending' } }, { createdAt: { less_than_equal: createdBefore } }, ...scope] },
    limit: options.limit ?? 100,
    depth: 0,
    overrideAccess: true,
    sort: 'createdAt',
  })
  for (const payment of pending.docs as Payment[]) {
    summary.checked++
    try {
      const tx = await gateway.client.queryByOutTradeNo(payment.outTradeNo)
      if (tx.trade_state === 'SUCCESS') {
        const outcome = await settlePayment(payload, tx, 'query')
        if (outcome.result === 'paid' || outcome.result === 'late') summary.settled++
      }
    } catch (error) {
      if (!(error instanceof WechatPayError && error.status === 404)) summary.errors++
    }
  }
  if (options.orderId) return summary
  const refunding = await payload.find({
    collection: 'payments',
    where: { status: { equals: 'refunding' } },
    limit: options.limit ?? 100,
    depth: 0,
    overrideAccess: true,
  })
  for (const payment of refunding.docs as Payment[]) {
    if (!payment.outRefundNo) continue
    try {
      const refund = await gateway.client.queryRefund(payment.outRefundNo)
      const outcome = await settleRefund(payload, { out_refund_no: refund.out_refund_no, out_trade_no: refund.out_trade_no, refund_status: refund.status })
      if (outcome === 'refunded') summary.refundsSettled++
    } catch {
      summary.errors++
    }
  }
  return summary
}
