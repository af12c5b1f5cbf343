import { beijingRfc3339 } from '@/platform/beijingTime'
import type { Clock } from '@/platform/clock'

import type { Notifier } from './notifier'
import type { PlatformSigner } from './respond'
import type { Scheduler } from './scheduler'
import type { ApiError, MerchantRegistration, OrderRecord, RefundRecord, ScriptedError } from './types'

/** Behaviour the spec leaves open (§6); defaults follow §5.7. */
export type EmulatorPolicy = {
  /** Accept http:// and IP/localhost notify_url (sandbox and tests). Default false. */
  allowInsecureNotifyUrl: boolean
  reorderPaid: ApiError
  closePaid: ApiError
  refundFeeMismatch: ApiError
  /** Delay before a PROCESSING refund settles to SUCCESS by itself. */
  refundSettleDelayMs: number
}

export type EmulatorContext = {
  clock: Clock
  scheduler: Scheduler
  notifier: Notifier
  signer: PlatformSigner
  policy: EmulatorPolicy
  merchants: Map<string, MerchantRegistration>
  orders: Map<string, OrderRecord>
  refunds: Map<string, RefundRecord>
  scripted: ScriptedError[]
  /** Absolute URL of the sandbox pay page for an order, given the request origin. */
  payPageUrl: (origin: string, prepayId: string) => string
}

export const orderKey = (mchid: string, outTradeNo: string) => `${mchid}:${outTradeNo}`

export function findOrder(ctx: EmulatorContext, id: string): OrderRecord | undefined {
  for (const order of ctx.orders.values()) if (order.prepayId === id || order.outTradeNo === id || order.transactionId === id) return order
  return undefined
}

const STATE_DESC: Record<OrderRecord['state'], string> = { NOTPAY: '订单未支付', SUCCESS: '支付成功', REFUND: '转入退款', CLOSED: '订单已关闭' }
const TRADE_TYPE = { jsapi: 'JSAPI', h5: 'MWEB', native: 'NATIVE' } as const

/** §4.5: only the fields valid for the current state. */
export function transactionView(order: OrderRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    trade_state: order.state,
    trade_state_desc: STATE_DESC[order.state],
    amount: { total: order.totalFen, currency: 'CNY' },
  }
  if (order.attach !== undefined) view.attach = order.attach
  if (order.transactionId) {
    Object.assign(view, {
      transaction_id: order.transactionId,
      trade_type: TRADE_TYPE[order.channel],
      bank_type: 'OTHERS',
      success_time: beijingRfc3339(order.successAt!),
      payer: { openid: order.paidOpenid },
      amount: { total: order.totalFen, payer_total: order.totalFen, currency: 'CNY', payer_currency: 'CNY' },
      promotion_detail: [],
    })
  }
  return view
}

export function refundView(refund: RefundRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    status: refund.status,
    create_time: beijingRfc3339(refund.createdAt),
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
      settlement_refund: refund.refundFen,
      settlement_total: refund.totalFen,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0,
    },
    promotion_detail: [],
  }
  if (refund.successAt) view.success_time = beijingRfc3339(refund.successAt)
  return view
}

/** Refund callback plaintext uses `refund_status` (§4.8). */
export function refundNotice(refund: RefundRecord): Record<string, unknown> {
  return {
    mchid: refund.mchid,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status,
    ...(refund.successAt ? { success_time: beijingRfc3339(refund.successAt) } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: refund.totalFen, refund: refund.refundFen, payer_total: refund.totalFen, payer_refund: refund.refundFen },
  }
}

/** Deep-equal via key-sorted JSON. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}
