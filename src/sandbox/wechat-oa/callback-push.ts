import { createHash, randomInt } from 'node:crypto'

import { encryptCallbackMessage } from '@/wechat/oa/callbackCrypto'
import { buildXml, type XmlValue } from '@/wechat/oa/xml'

import type { EmulatorClock } from './clock'
import type { CallbackDelivery, EmulatorAccount, EmulatorCallback, EmulatorState } from './state'

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

// Computed here rather than imported from the client so that a bug shared by both cannot pass unseen.
// [token, timestamp, nonce] → signature; with the Encrypt value as well → msg_signature (§1.11).
const sign = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex')

/** The POST body: the XML, or in 安全模式 `<xml><ToUserName/><Encrypt/></xml>` (兼容模式 keeps the plaintext fields too). */
function wireBody(account: EmulatorAccount, callback: EmulatorCallback, fields: Record<string, XmlValue>, xml: string) {
  const key = callback.mode === 'safe' || callback.mode === 'compatible' ? callback.encodingAESKey : undefined
  if (!key) return { body: xml }
  const encrypt = encryptCallbackMessage({ encodingAESKey: key, appId: account.appId, xml })
  const envelope: Record<string, XmlValue> =
    callback.mode === 'safe' ? { ToUserName: fields.ToUserName ?? account.originalId, Encrypt: encrypt } : { ...fields, Encrypt: encrypt }
  return { body: buildXml(envelope), encrypt }
}

/** `success`, an empty body or a passive-reply XML stop WeChat's retries (§1.11). */
const handled = (status: number, body: string) => {
  const text = body.trim()
  return status >= 200 && status < 300 && (text === '' || text === 'success' || text.startsWith('<xml'))
}

export type PushOptions = { openid?: string; forgeSignature?: boolean }

/**
 * Pushes events to the account's callback URL like WeChat (§1.11, §5.5 item 30): plaintext XML or the 安全模式
 * envelope, signed query, 5 s timeout, 3 attempts in total with the same CreateTime. Retries are immediate,
 * not 5 s apart, so tests never wait. Every push is tracked until settled (`idle()`).
 */
export function createCallbackPusher(deps: { state: EmulatorState; clock: EmulatorClock; fetch: FetchLike }) {
  const inflight = new Set<Promise<void>>()

  async function deliver(record: CallbackDelivery, token: string, forge: boolean, encrypt?: string, openid?: string) {
    const signingToken = forge ? `${token}-forged` : token
    for (let attempt = 1; attempt <= 3; attempt++) {
      record.attempts = attempt
      // Every attempt is signed afresh: current timestamp, new nonce; CreateTime / MsgId stay the same.
      const timestamp = String(Math.floor(deps.clock.now() / 1000))
      const nonce = String(randomInt(100_000_000, 999_999_999))
      record.query = {
        signature: sign(signingToken, timestamp, nonce),
        timestamp,
        nonce,
        ...(openid ? { openid } : {}),
        ...(encrypt ? { encrypt_type: 'aes', msg_signature: sign(signingToken, timestamp, nonce, encrypt) } : {}),
      }
      const url = new URL(record.url)
      for (const [k, v] of Object.entries(record.query)) url.searchParams.set(k, v)
      try {
        const response = await deps.fetch(url.toString(), {
          method: 'POST',
          headers: { 'content-type': 'text/xml; charset=utf-8' },
          body: record.body,
          signal: AbortSignal.timeout(5_000),
        })
        record.lastStatus = response.status
        if (handled(response.status, await response.text())) {
          record.delivered = true
          return
        }
      } catch (error) {
        record.lastError = String(error)
      }
    }
  }

  function push(account: EmulatorAccount, fields: Record<string, XmlValue>, options: PushOptions = {}): CallbackDelivery | undefined {
    if (!account.callback) return undefined
    const xml = buildXml(fields)
    const { body, encrypt } = wireBody(account, account.callback, fields, xml)
    const record: CallbackDelivery = {
      appId: account.appId,
      event: String(fields.Event ?? fields.MsgType ?? ''),
      url: account.callback.url,
      xml,
      body,
      query: {},
      attempts: 0,
      delivered: false,
    }
    deps.state.callbacks.push(record)
    const task = deliver(record, account.callback.token, options.forgeSignature === true, encrypt, options.openid).finally(() => inflight.delete(task))
    inflight.add(task)
    return record
  }

  /** GET verification probe (§1.11): true when the callback echoed `echostr`. */
  async function verifyUrl(account: EmulatorAccount): Promise<boolean> {
    if (!account.callback) return false
    const timestamp = String(Math.floor(deps.clock.now() / 1000))
    const nonce = String(randomInt(100_000_000, 999_999_999))
    const echostr = String(randomInt(1e9, 9e9))
    const url = new URL(account.callback.url)
    url.searchParams.set('signature', sign(account.callback.token, timestamp, nonce))
    url.searchParams.set('timestamp', timestamp)
    url.searchParams.set('nonce', nonce)
    url.searchParams.set('echostr', echostr)
    const response = await deps.fetch(url.toString(), { method: 'GET', signal: AbortSignal.timeout(5_000) })
    return response.ok && (await response.text()) === echostr
  }

  async function idle(): Promise<void> {
    while (inflight.size) await Promise.allSettled([...inflight])
  }

  return { push, verifyUrl, idle }
}
