import crypto from 'node:crypto'

import type { Clock } from '../../platform/clock'
import type { WechatPayVerification } from './config'
import { WechatPaySignatureError } from './errors'
import { publicKeyOf, rsaVerify } from './sign'

export type HeaderSource = Headers | Record<string, string | string[] | undefined>

export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const lower = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value[0] : value
  }
  return undefined
}

export const DEFAULT_MAX_SKEW_SECONDS = 300

/** §4.2: a PUB_KEY_ID_… serial selects the WeChat Pay public key, any other serial a platform certificate. */
export function verificationKeyFor(verification: WechatPayVerification, serial: string): crypto.KeyObject | undefined {
  if (verification.mode === 'publicKey') {
    return serial === verification.publicKeyId ? publicKeyOf(verification.publicKeyPem) : undefined
  }
  const pem = verification.certificates[serial]
  return pem ? publicKeyOf(pem) : undefined
}

export type VerifySignedInput = {
  headers: HeaderSource
  /** The raw body exactly as received ("" for 204). */
  body: string
  verification: WechatPayVerification
  now: Clock['now']
  maxSkewSeconds?: number
}

/** Verifies Wechatpay-Timestamp/Nonce/Signature/Serial over `timestamp\nnonce\nbody\n` (§4.2). Throws on failure. */
export function verifyWechatPaySignature(input: VerifySignedInput): { serial: string; timestamp: number } {
  const timestamp = headerValue(input.headers, 'wechatpay-timestamp')
  const nonce = headerValue(input.headers, 'wechatpay-nonce')
  const signature = headerValue(input.headers, 'wechatpay-signature')
  const serial = headerValue(input.headers, 'wechatpay-serial')
  if (!timestamp || !nonce || !signature || !serial) {
    throw new WechatPaySignatureError('MISSING_HEADERS', 'missing Wechatpay-Timestamp/Nonce/Signature/Serial header')
  }
  const seconds = Number(timestamp)
  const skew = Math.abs(Math.floor(input.now() / 1000) - seconds)
  if (!/^\d+$/.test(timestamp) || skew > (input.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS)) {
    throw new WechatPaySignatureError('STALE_TIMESTAMP', 'Wechatpay-Timestamp outside the allowed window')
  }
  const key = verificationKeyFor(input.verification, serial)
  if (!key) throw new WechatPaySignatureError('UNKNOWN_SERIAL', `no verification key for serial ${serial}`)
  if (!rsaVerify(`${timestamp}\n${nonce}\n${input.body}\n`, signature, key)) {
    throw new WechatPaySignatureError('BAD_SIGNATURE', 'Wechatpay-Signature does not verify')
  }
  return { serial, timestamp: seconds }
}
