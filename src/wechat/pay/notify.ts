import { type Clock, systemClock } from '../../platform/clock'
import { decryptResource } from './aesgcm'
import type { WechatPayConfig } from './config'
import { WechatPayNotificationError, WechatPaySignatureError } from './errors'
import type { NotificationEnvelope, WechatPayRefundNotice, WechatPayTransaction } from './types'
import { type HeaderSource, verifyWechatPaySignature } from './verify'

export type NotificationInput = {
  headers: HeaderSource
  /** The raw body: read it with `await req.text()` before any JSON parsing (§7). */
  body: string
  config: Pick<WechatPayConfig, 'mchid' | 'appid' | 'apiV3Key' | 'verification'>
  now?: Clock['now']
  maxSkewSeconds?: number
}

export type NotificationResult<T> =
  { ok: true; id: string; eventType: string; createTime: string; resource: T } | { ok: false; error: WechatPayNotificationError }

function fail<T>(reason: WechatPayNotificationError['reason'], message: string): NotificationResult<T> {
  return { ok: false, error: new WechatPayNotificationError(reason, message) }
}

/** §4.7 steps 1–5: headers, ±5 min, signature, then AES-GCM; returns the envelope and plaintext. */
function openNotification(input: NotificationInput): NotificationResult<unknown> & { envelope?: NotificationEnvelope } {
  try {
    verifyWechatPaySignature({
      headers: input.headers,
      body: input.body,
      verification: input.config.verification,
      now: input.now ?? systemClock.now,
      maxSkewSeconds: input.maxSkewSeconds,
    })
  } catch (error) {
    if (error instanceof WechatPaySignatureError) return fail(error.reason, error.message)
    throw error
  }
  let envelope: NotificationEnvelope
  try {
    envelope = JSON.parse(input.body) as NotificationEnvelope
    if (!envelope || typeof envelope.event_type !== 'string' || !envelope.resource?.ciphertext) throw new Error('shape')
  } catch {
    return fail('MALFORMED', 'notification body is not a v3 envelope')
  }
  let plaintext: unknown
  try {
    plaintext = JSON.parse(decryptResource(envelope.resource, input.config.apiV3Key))
  } catch {
    return fail('DECRYPT_FAILED', 'resource could not be decrypted (tag mismatch or wrong APIv3 key)')
  }
  return { ok: true, id: envelope.id, eventType: envelope.event_type, createTime: envelope.create_time, resource: plaintext, envelope }
}

/** Verified + decrypted TRANSACTION.SUCCESS, checked against our mchid/appid. Amount matching is the caller's (§4.7 step 6). */
export function parsePaymentNotification(input: NotificationInput): NotificationResult<WechatPayTransaction> {
  const opened = openNotification(input)
  if (!opened.ok) return opened
  if (opened.eventType !== 'TRANSACTION.SUCCESS') return fail('WRONG_EVENT', `unexpected event_type ${opened.eventType}`)
  const tx = opened.resource as WechatPayTransaction
  if (tx.mchid !== input.config.mchid) return fail('MCHID_MISMATCH', 'mchid does not match')
  if (tx.appid !== input.config.appid) return fail('APPID_MISMATCH', 'appid does not match')
  return { ok: true, id: opened.id, eventType: opened.eventType, createTime: opened.createTime, resource: tx }
}

/** Verified + decrypted REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED (§4.8). */
export function parseRefundNotification(input: NotificationInput): NotificationResult<WechatPayRefundNotice> {
  const opened = openNotification(input)
  if (!opened.ok) return opened
  if (!/^REFUND\.(SUCCESS|ABNORMAL|CLOSED)$/.test(opened.eventType)) return fail('WRONG_EVENT', `unexpected event_type ${opened.eventType}`)
  const notice = opened.resource as WechatPayRefundNotice
  if (notice.mchid !== input.config.mchid) return fail('MCHID_MISMATCH', 'mchid does not match')
  return { ok: true, id: opened.id, eventType: opened.eventType, createTime: opened.createTime, resource: notice }
}

/** §4.7 step 8: success is 200/204 with no body required. */
export function notificationAck(): Response {
  return new Response(null, { status: 204 })
}

/** §4.7: failures answer 4xx/5xx with {"code":"FAIL","message":…}; WeChat Pay then retries. */
export function notificationReject(error: WechatPayNotificationError | string, status = 400): Response {
  const message = typeof error === 'string' ? error : error.reason
  return new Response(JSON.stringify({ code: 'FAIL', message }), { status, headers: { 'content-type': 'application/json' } })
}
