import crypto from 'node:crypto'

import { beijingRfc3339 } from '@/platform/beijingTime'
import type { Clock } from '@/platform/clock'

import { encryptResource, randomNonce, signSha256Rsa } from './crypto'
import { platformSignatureHeaders, type PlatformSigner } from './respond'
import type { Scheduler } from './scheduler'

const S = 1000
const M = 60 * S
const H = 60 * M
/** §4.7: up to 15 resends after the first delivery, at these intervals (≈ 24 h 4 min in total). */
export const CALLBACK_RETRY_INTERVALS_MS = [15 * S, 15 * S, 30 * S, 3 * M, 10 * M, 20 * M, 30 * M, 30 * M, 30 * M, 60 * M, 3 * H, 3 * H, 3 * H, 6 * H, 6 * H]

export type CallbackKind = 'payment' | 'refund'
export type CallbackAttempt = { at: number; status: number; ok: boolean; error?: string }

export type CallbackRecord = {
  id: string
  kind: CallbackKind
  /** out_trade_no (payment) or out_refund_no (refund). */
  key: string
  url: string
  eventType: string
  apiV3Key: string
  plaintext: Record<string, unknown>
  /** The envelope JSON; resends reuse it with a fresh timestamp and signature (§4.7). */
  body: string
  attempts: CallbackAttempt[]
  state: 'pending' | 'delivered' | 'failed'
  lastSent?: BuiltCallback
}

export type BuiltCallback = { url: string; headers: Record<string, string>; body: string }

/** Ways to spoil a callback, for tests of our handler's rejections (§5.7 item 38). */
export type CallbackForgery = {
  /** Flip a byte of the GCM ciphertext / change the AAD (re-signed, so only decryption fails). */
  tamper?: 'ciphertext' | 'associated_data' | 'body-after-signing'
  /** Sign with this key instead of the platform key (a forger). */
  signWithPrivateKeyPem?: string
  serial?: string
  /** Shift Wechatpay-Timestamp (and sign that value): > 300 s makes it stale. */
  timestampOffsetSeconds?: number
  /** Use a WECHATPAY/SIGNTEST/ probe signature (§4.2). */
  signTest?: boolean
  /** Encrypt with a different APIv3 key. */
  apiV3Key?: string
  /** Replace fields of the plaintext (e.g. a different mchid or amount), re-encrypted. */
  plaintextPatch?: Record<string, unknown>
  eventType?: string
}

export function createNotifier(deps: {
  clock: Clock
  scheduler: Scheduler
  signer: PlatformSigner
  fetch: typeof fetch
  timeoutMs: number
  retryIntervalsMs: number[]
  onAttempt?: (record: CallbackRecord, attempt: CallbackAttempt) => void
}) {
  const records: CallbackRecord[] = []

  function envelope(id: string, kind: CallbackKind, eventType: string, plaintext: Record<string, unknown>, apiV3Key: string): string {
    const aad = kind === 'payment' ? 'transaction' : 'refund'
    const summary = kind === 'payment' ? '支付成功' : eventType === 'REFUND.SUCCESS' ? '退款成功' : eventType === 'REFUND.CLOSED' ? '退款关闭' : '退款异常'
    return JSON.stringify({
      id,
      create_time: beijingRfc3339(deps.clock.now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: { original_type: aad, ...encryptResource(JSON.stringify(plaintext), apiV3Key, aad) },
    })
  }

  function build(record: CallbackRecord, forgery: CallbackForgery = {}): BuiltCallback {
    let body = record.body
    if (forgery.plaintextPatch || forgery.apiV3Key || forgery.eventType) {
      const plaintext = { ...record.plaintext, ...forgery.plaintextPatch }
      body = envelope(record.id, record.kind, forgery.eventType ?? record.eventType, plaintext, forgery.apiV3Key ?? record.apiV3Key)
    }
    if (forgery.tamper === 'ciphertext' || forgery.tamper === 'associated_data') {
      const parsed = JSON.parse(body)
      if (forgery.tamper === 'ciphertext') {
        const bytes = Buffer.from(parsed.resource.ciphertext, 'base64')
        bytes[0] ^= 0x01
        parsed.resource.ciphertext = bytes.toString('base64')
      } else parsed.resource.associated_data = `${parsed.resource.associated_data}x`
      body = JSON.stringify(parsed)
    }
    let headers: Record<string, string>
    if (forgery.signWithPrivateKeyPem || forgery.timestampOffsetSeconds || forgery.signTest || forgery.serial) {
      const timestamp = String(Math.floor(deps.clock.now() / 1000) + (forgery.timestampOffsetSeconds ?? 0))
      const nonce = randomNonce(32)
      const signature = forgery.signTest
        ? `WECHATPAY/SIGNTEST/${crypto.randomBytes(32).toString('base64')}`
        : signSha256Rsa([timestamp, nonce, body], forgery.signWithPrivateKeyPem ?? deps.signer.privateKeyPem)
      headers = {
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': nonce,
        'wechatpay-signature': signature,
        'wechatpay-serial': forgery.serial ?? deps.signer.serial(),
        'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      }
    } else headers = platformSignatureHeaders(deps.signer, body)
    if (forgery.tamper === 'body-after-signing') body = body.replace('"summary":"', '"summary":"!')
    return {
      url: record.url,
      headers: { ...headers, 'content-type': 'application/json', 'request-id': crypto.randomUUID(), 'user-agent': 'Mozilla/4.0' },
      body,
    }
  }

  /** POSTs a built callback; only 200/204 within the timeout counts as received (§5.7 item 38). */
  async function send(built: BuiltCallback): Promise<{ status: number; ok: boolean; error?: string }> {
    try {
      const response = await deps.fetch(built.url, { method: 'POST', headers: built.headers, body: built.body, signal: AbortSignal.timeout(deps.timeoutMs) })
      await response.arrayBuffer().catch(() => undefined)
      return { status: response.status, ok: response.status === 200 || response.status === 204 }
    } catch (error) {
      return { status: 0, ok: false, error: (error as Error).message }
    }
  }

  async function attempt(record: CallbackRecord): Promise<void> {
    if (record.state !== 'pending') return
    const built = build(record)
    record.lastSent = built
    const at = deps.clock.now()
    const result = await send(built)
    const entry: CallbackAttempt = { at, ...result }
    record.attempts.push(entry)
    deps.onAttempt?.(record, entry)
    if (result.ok) record.state = 'delivered'
    else if (record.attempts.length <= deps.retryIntervalsMs.length) {
      deps.scheduler.schedule(deps.retryIntervalsMs[record.attempts.length - 1], () => attempt(record))
    } else record.state = 'failed'
  }

  return {
    records,
    enqueue(input: { kind: CallbackKind; key: string; url: string; eventType: string; plaintext: Record<string, unknown>; apiV3Key: string }): CallbackRecord {
      const id = `EV-${beijingRfc3339(deps.clock.now()).replace(/\D/g, '').slice(0, 14)}${crypto.randomBytes(6).toString('hex')}`
      const record: CallbackRecord = {
        ...input,
        id,
        body: envelope(id, input.kind, input.eventType, input.plaintext, input.apiV3Key),
        attempts: [],
        state: 'pending',
      }
      records.push(record)
      deps.scheduler.schedule(0, () => attempt(record))
      return record
    },
    build,
    send,
  }
}

export type Notifier = ReturnType<typeof createNotifier>
