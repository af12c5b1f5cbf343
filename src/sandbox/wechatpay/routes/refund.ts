import crypto from 'node:crypto'

import type { RefundStatus } from '@/wechat/pay/types'

import type { EmulatorContext } from '../context'
import { orderKey, refundNotice, refundView } from '../context'
import { errorResponse, signedResponse } from '../respond'
import type { OrderRecord, RefundRecord } from '../types'
import { validateRefund } from '../validate'
import type { RouteRequest } from './common'

const MAX_REFUNDS = 50
const REFUND_WINDOW_MS = 365 * 24 * 3600_000

const refundKey = (mchid: string, outRefundNo: string) => `${mchid}:${outRefundNo}`

/** Moves a PROCESSING refund to its final state and sends the REFUND.* callback when a notify_url was given. */
export function settleRefund(ctx: EmulatorContext, refund: RefundRecord, status: Exclude<RefundStatus, 'PROCESSING'>): void {
  if (refund.status !== 'PROCESSING') return
  refund.status = status
  if (status === 'SUCCESS') refund.successAt = ctx.clock.now()
  if (!refund.notifyUrl) return
  const merchant = ctx.merchants.get(refund.mchid)!
  ctx.notifier.enqueue({
    kind: 'refund',
    key: refund.outRefundNo,
    url: refund.notifyUrl,
    eventType: `REFUND.${status}`,
    plaintext: refundNotice(refund),
    apiV3Key: merchant.apiV3Key,
  })
}

function findPaidOrder(ctx: EmulatorContext, mchid: string, body: Record<string, unknown>): OrderRecord | undefined {
  if (body.out_trade_no !== undefined) return ctx.orders.get(orderKey(mchid, String(body.out_trade_no)))
  for (const order of ctx.orders.values()) if (order.mchid === mchid && order.transactionId === body.transaction_id) return order
  return undefined
}

/** Refunds still counting against the paid amount (CLOSED ones released theirs). */
function refundedSoFar(ctx: EmulatorContext, order: OrderRecord): number {
  return order.refundNos
    .map((no) => ctx.refunds.get(refundKey(order.mchid, no))!)
    .filter((r) => r.status !== 'CLOSED')
    .reduce((sum, r) => sum + r.refundFen, 0)
}

/** §4.8 / §5.7 item 39. */
export async function createRefund(ctx: EmulatorContext, req: RouteRequest): Promise<Response> {
  const body = req.body
  const invalid = validateRefund(body, { allowInsecure: ctx.policy.allowInsecureNotifyUrl })
  if (invalid) return errorResponse(invalid.status, invalid.code, invalid.message, invalid.detail)
  const mchid = req.merchant.mchid
  const amount = body.amount as { refund: number; total: number }
  const outRefundNo = String(body.out_refund_no)
  const order = findPaidOrder(ctx, mchid, body)
  if (!order || !order.transactionId) return errorResponse(404, 'RESOURCE_NOT_EXISTS', '订单不存在或未支付')

  // Same out_refund_no = same refund: never refunds twice (§4.10)
  const existing = ctx.refunds.get(refundKey(mchid, outRefundNo))
  if (existing) {
    if (existing.outTradeNo !== order.outTradeNo) return errorResponse(400, 'INVALID_REQUEST', '您的请求参数与订单信息不一致')
    if (existing.refundFen !== amount.refund || existing.totalFen !== amount.total) {
      const e = ctx.policy.refundFeeMismatch
      return errorResponse(e.status, e.code, e.message)
    }
    return signedResponse(ctx.signer, 200, refundView(existing))
  }

  const now = ctx.clock.now()
  if (now - order.successAt! > REFUND_WINDOW_MS) return errorResponse(400, 'TRADE_OVERDUE', '订单已经超过可退款的最大期限')
  if (amount.total !== order.totalFen) return errorResponse(400, 'INVALID_REQUEST', '您的请求参数与订单信息不一致：订单金额不一致')
  if (order.refundNos.length >= MAX_REFUNDS) return errorResponse(400, 'INVALID_REQUEST', '退款次数超过限制')
  if (amount.refund > order.totalFen - refundedSoFar(ctx, order)) return errorResponse(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额')

  const refund: RefundRecord = {
    mchid,
    outRefundNo,
    refundId: `50${Array.from(crypto.randomBytes(27), (b) => String(b % 10)).join('')}`,
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId,
    refundFen: amount.refund,
    totalFen: amount.total,
    reason: body.reason === undefined ? undefined : String(body.reason),
    notifyUrl: body.notify_url === undefined ? undefined : String(body.notify_url),
    status: 'PROCESSING',
    createdAt: now,
  }
  ctx.refunds.set(refundKey(mchid, outRefundNo), refund)
  order.refundNos.push(outRefundNo)
  order.state = 'REFUND' // after any refund, including partial (§4.5)
  ctx.scheduler.schedule(ctx.policy.refundSettleDelayMs, async () => settleRefund(ctx, refund, 'SUCCESS'))
  return signedResponse(ctx.signer, 200, refundView(refund))
}

export async function queryRefund(ctx: EmulatorContext, req: RouteRequest): Promise<Response> {
  const refund = ctx.refunds.get(refundKey(req.merchant.mchid, req.params.outRefundNo))
  if (!refund) return errorResponse(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')
  return signedResponse(ctx.signer, 200, refundView(refund))
}

export function findRefund(ctx: EmulatorContext, outRefundNo: string): RefundRecord | undefined {
  for (const refund of ctx.refunds.values()) if (refund.outRefundNo === outRefundNo) return refund
  return undefined
}
