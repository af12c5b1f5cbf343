import crypto from 'node:crypto'

import type { Clock } from '@/platform/clock'

import { randomNonce, signSha256Rsa } from './crypto'

const requestId = () => crypto.randomBytes(16).toString('hex').toUpperCase()

/** 4xx/5xx: JSON error body, never Wechatpay-* headers (§5.7 item 32). */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  detail?: Record<string, unknown>,
  options: { withRequestId?: boolean } = {},
): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }
  if (options.withRequestId !== false) headers['request-id'] = requestId()
  return new Response(JSON.stringify(detail ? { code, message, detail } : { code, message }), { status, headers })
}

/** Unknown path (404) and wrong method (405) have empty bodies (§4.9). */
export const emptyResponse = (status: number) => new Response(null, { status })

export type PlatformSigner = {
  serial: () => string
  privateKeyPem: string
  clock: Clock
  /** Produce a WECHATPAY/SIGNTEST/ probe signature instead (§4.2). */
  takeSignTest: () => boolean
}

export function platformSignatureHeaders(signer: PlatformSigner, body: string): Record<string, string> {
  const timestamp = String(Math.floor(signer.clock.now() / 1000))
  const nonce = randomNonce(32)
  const signature = signer.takeSignTest()
    ? `WECHATPAY/SIGNTEST/${crypto.randomBytes(32).toString('base64')}`
    : signSha256Rsa([timestamp, nonce, body], signer.privateKeyPem)
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': signature,
    'wechatpay-serial': signer.serial(),
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  }
}

/** 2xx: signed with the platform key (§5.7 item 32). A 204 signs the empty body. */
export function signedResponse(signer: PlatformSigner, status: number, data?: unknown): Response {
  const body = data === undefined ? '' : JSON.stringify(data)
  const headers: Record<string, string> = { ...platformSignatureHeaders(signer, body), 'request-id': requestId() }
  if (body) headers['content-type'] = 'application/json; charset=utf-8'
  return new Response(body || null, { status, headers })
}
