// Expiry job: pending_payment orders whose payment window ended are closed at WeChat Pay first (§4.5: to treat
// NOTPAY as failed, close it), then cancelled, which releases their stock exactly once (state-machine CAS).
import type { Payload } from 'payload'

import type { Order, Payment } from '@/payload-types'
import { WechatPayError } from '@/wechat/pay/errors'

import { transitionOrder } from './orderState'
import { payGateway } from './payGateway'
import { settlePayment } from './settle'

export type ExpireSummary = { cancelled: number; paidInstead: number; skipped: number }

export async function expireOrders(payload: Payload, now = payGateway().now(), limit = 200): Promise<ExpireSummary> {
  const summary: ExpireSummary = { cancelled: 0, paidInstead: 0, skipped: 0 }
  const { docs } = await payload.find({
    collection: 'orders',
    where: { and: [{ status: { equals: 'pending_payment' } }, { expiresAt: { less_than_equal: new Date(now).toISOString() } }] },
    limit,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  for (const order of docs as Order[]) {
    const paid = await closeOrSettleAttempts(payload, order)
    if (paid) {
      summary.paidInstead++
      continue
    }
    const moved = await transitionOrder(payload, order.id, {
      from: 'pending_payment',
      to: 'cancelled',
      reason: 'payment window expired',
      actor: 'system:expiry',
    })
    if (moved.ok) summary.cancelled++
    else summary.skipped++
  }
  return summary
}

/** Closes every pending attempt; if WeChat Pay says one was paid after all, settles it instead. */
async function closeOrSettleAttempts(payload: Payload, order: Order): Promise<boolean> {
  const { docs } = await payload.find({
    collection: 'payments',
    where: { and: [{ order: { equals: order.id } }, { status: { equals: 'pending' } }] },
    depth: 0,
    overrideAccess: true,
  })
  const client = payGateway().client
  for (const payment of docs as Payment[]) {
    try {
      await client.closeOrder(payment.outTradeNo)
      await payload.update({ collection: 'payments', id: payment.id, data: { status: 'closed' }, overrideAccess: true, depth: 0 })
    } catch (error) {
      if (error instanceof WechatPayError && error.status === 404) {
        await payload.update({
          collection: 'payments',
          id: payment.id,
          data: { status: 'failed', note: 'unknown at WeChat Pay' },
          overrideAccess: true,
          depth: 0,
        })
        continue
      }
      // Paid already (ORDERPAID) or unknown: ask.
      const tx = await client.queryByOutTradeNo(payment.outTradeNo)
      if (tx.trade_state === 'SUCCESS') {
        const outcome = await settlePayment(payload, tx, 'query')
        if (outcome.result === 'paid' || outcome.result === 'duplicate') return true
      } else throw error
    }
  }
  return false
}
