// The user's side of a payment, which has no real server API: the sandbox page and the JSAPI invoke (§5.7 item 35).
import crypto from 'node:crypto'

import type { EmulatorContext } from './context'
import { findOrder, transactionView } from './context'
import { newTransactionId, publicKeyOf, verifySha256Rsa } from './crypto'
import type { OrderRecord } from './types'

export type PayOutcome = { ok: true; order: OrderRecord } | { ok: false; message: string; order?: OrderRecord }

/** Marks the order paid and schedules the TRANSACTION.SUCCESS callback. */
export function confirmPayment(ctx: EmulatorContext, id: string, options: { openid?: string } = {}): PayOutcome {
  const order = findOrder(ctx, id)
  if (!order) return { ok: false, message: '订单不存在' }
  if (order.state !== 'NOTPAY') return { ok: false, message: order.state === 'CLOSED' ? '订单已关闭' : '订单已支付', order }
  const now = ctx.clock.now()
  if (now >= order.expiresAt) return { ok: false, message: '订单已过期', order }
  if (now >= order.prepayExpiresAt) return { ok: false, message: '支付链接已过期，请重新下单', order }
  if (order.payerOpenid && options.openid && options.openid !== order.payerOpenid) {
    return { ok: false, message: '下单账号与支付账号不一致', order }
  }
  order.state = 'SUCCESS'
  order.transactionId = newTransactionId()
  order.successAt = now
  order.paidOpenid = order.payerOpenid ?? options.openid ?? `oSandbox${crypto.randomBytes(10).toString('hex')}`
  const merchant = ctx.merchants.get(order.mchid)!
  ctx.notifier.enqueue({
    kind: 'payment',
    key: order.outTradeNo,
    url: order.notifyUrl,
    eventType: 'TRANSACTION.SUCCESS',
    plaintext: transactionView(order),
    apiV3Key: merchant.apiV3Key,
  })
  return { ok: true, order }
}

export type JsapiInvokeParams = { appId: string; timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string }

/** WeixinJSBridge getBrandWCPayRequest, as the WeChat client would check it. */
export function jsapiInvoke(
  ctx: EmulatorContext,
  params: JsapiInvokeParams,
  user: { openid: string; pageUrl?: string },
): { err_msg: string; message?: string } {
  const fail = (message: string) => ({ err_msg: 'get_brand_wcpay_request:fail', message })
  const prepayId = params.package?.startsWith('prepay_id=') ? params.package.slice('prepay_id='.length) : undefined
  if (!prepayId) return fail('支付验证签名失败')
  const order = findOrder(ctx, prepayId)
  if (!order || order.prepayId !== prepayId || order.channel !== 'jsapi') return fail('prepay_id 无效')
  const merchant = ctx.merchants.get(order.mchid)!
  if (merchant.jsapiAuthDirs && !merchant.jsapiAuthDirs.some((dir) => user.pageUrl?.startsWith(dir))) return fail('当前页面的URL未注册')
  if (params.appId !== order.appid) return fail('支付验证签名失败')
  const parts = [params.appId, params.timeStamp, params.nonceStr, params.package]
  if (params.signType !== 'RSA' || !verifySha256Rsa(parts, params.paySign, publicKeyOf(merchant.publicKeyPem))) {
    return fail('支付验证签名失败')
  }
  if (user.openid !== order.payerOpenid) return fail('下单账号与支付账号不一致')
  const outcome = confirmPayment(ctx, prepayId, { openid: user.openid })
  return outcome.ok ? { err_msg: 'get_brand_wcpay_request:ok' } : fail(outcome.message)
}
