import type { EmulatorContext } from '../context'
import { canonicalJson, orderKey } from '../context'
import { newPrepayId } from '../crypto'
import { errorResponse, signedResponse } from '../respond'
import type { OrderRecord, Product } from '../types'
import { validatePrepay } from '../validate'
import type { RouteRequest } from './common'

const PREPAY_TTL_MS = { jsapi: 2 * 3600_000, native: 2 * 3600_000, h5: 5 * 60_000 }
const DEFAULT_ORDER_TTL_MS = 7 * 24 * 3600_000

function prepayResult(ctx: EmulatorContext, order: OrderRecord, origin: string): Record<string, string> {
  const page = ctx.payPageUrl(origin, order.prepayId)
  if (order.channel === 'jsapi') return { prepay_id: order.prepayId }
  // Sandbox: H5 and Native point at the emulator's pay page instead of wx.tenpay.com / weixin://
  if (order.channel === 'h5') return { h5_url: page }
  return { code_url: page }
}

/** §4.3 + §5.7 items 33–34. */
export async function prepay(ctx: EmulatorContext, product: Product, req: RouteRequest): Promise<Response> {
  const body = req.body
  const invalid = validatePrepay(body, product, { allowInsecure: ctx.policy.allowInsecureNotifyUrl })
  if (invalid) return errorResponse(invalid.status, invalid.code, invalid.message, invalid.detail)
  if (!req.merchant.appids.includes(String(body.appid))) return errorResponse(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
  if (req.merchant.products && !req.merchant.products.includes(product)) return errorResponse(403, 'NO_AUTH', '商户无此接口权限')

  const now = ctx.clock.now()
  const key = orderKey(req.merchant.mchid, String(body.out_trade_no))
  const canonicalBody = canonicalJson({ product, body })
  const existing = ctx.orders.get(key)
  if (existing) {
    if (existing.state === 'CLOSED') return errorResponse(400, 'ORDER_CLOSED', '订单已关闭')
    if (existing.state !== 'NOTPAY') return errorResponse(ctx.policy.reorderPaid.status, ctx.policy.reorderPaid.code, ctx.policy.reorderPaid.message)
    if (existing.canonicalBody !== canonicalBody) return errorResponse(403, 'OUT_TRADE_NO_USED', '商户订单号重复')
    // Identical parameters: same prepay id while valid; a fresh one after it lapsed (§4.3)
    if (now >= existing.prepayExpiresAt) {
      existing.prepayId = newPrepayId(now)
      existing.prepayExpiresAt = now + PREPAY_TTL_MS[product]
    }
    return signedResponse(ctx.signer, 200, prepayResult(ctx, existing, req.origin))
  }

  // time_expire earlier than 1 min is pulled to 1 min (§4.3)
  const expiresAt = body.time_expire ? Math.max(Date.parse(String(body.time_expire)), now + 60_000) : now + DEFAULT_ORDER_TTL_MS
  const amount = body.amount as { total: number }
  const order: OrderRecord = {
    mchid: req.merchant.mchid,
    appid: String(body.appid),
    channel: product,
    outTradeNo: String(body.out_trade_no),
    canonicalBody,
    description: String(body.description),
    attach: body.attach === undefined ? undefined : String(body.attach),
    totalFen: amount.total,
    notifyUrl: String(body.notify_url),
    payerOpenid: product === 'jsapi' ? String((body.payer as { openid: string }).openid) : undefined,
    prepayId: newPrepayId(now),
    prepayExpiresAt: now + PREPAY_TTL_MS[product],
    expiresAt,
    createdAt: now,
    state: 'NOTPAY',
    refundNos: [],
  }
  ctx.orders.set(key, order)
  return signedResponse(ctx.signer, 200, prepayResult(ctx, order, req.origin))
}
