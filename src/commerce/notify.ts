// POST /api/wechatpay/notify: verify (headers, ±5 min, signature, AES-GCM, mchid/appid), then settle idempotently.
// Answers 204 once the result is durably applied (or was already); anything untrusted gets 4xx so WeChat Pay retries
// a genuine one and a forged one changes nothing.
import type { Payload } from 'payload'

import { publicOrigin } from '@/platform/http/origin'
import { notificationAck, notificationReject, parsePaymentNotification, parseRefundNotification } from '@/wechat/pay/notify'

import { payGateway, paymentsAvailable } from './payGateway'
import { settlePayment, settleRefund } from './settle'

export async function handleWechatPayNotification(payload: Payload, request: { headers: Headers; body: string; url?: string }): Promise<Response> {
  if (!paymentsAvailable()) return new Response(null, { status: 404 })
  const gateway = payGateway(publicOrigin(request))
  const config = gateway.client.config
  let eventType = ''
  try {
    eventType = String((JSON.parse(request.body) as { event_type?: unknown }).event_type ?? '')
  } catch {
    return notificationReject('MALFORMED')
  }
  const input = { headers: request.headers, body: request.body, config, now: gateway.now }
  if (eventType.startsWith('REFUND.')) {
    const parsed = parseRefundNotification(input)
    if (!parsed.ok) {
      payload.logger.warn({ msg: 'wechatpay notify: rejected refund notice', reason: parsed.error.reason })
      return notificationReject(parsed.error, 401)
    }
    const outcome = await settleRefund(payload, parsed.resource)
    return outcome === 'unknown' ? notificationReject('UNKNOWN_REFUND', 404) : notificationAck()
  }
  const parsed = parsePaymentNotification(input)
  if (!parsed.ok) {
    payload.logger.warn({ msg: 'wechatpay notify: rejected', reason: parsed.error.reason })
    return notificationReject(parsed.error, 401)
  }
  const outcome = await settlePayment(payload, parsed.resource, 'callback')
  if (outcome.result === 'rejected') return notificationReject(outcome.reason, outcome.reason === 'UNKNOWN_TRADE' ? 404 : 400)
  return notificationAck()
}
