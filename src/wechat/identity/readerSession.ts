// The recognised reader, carried in a signed first-party cookie after web OAuth: `<customer id>.<exp s>.<mac>`.
// Checkout can call readerFromHeaders(req.headers) to link an order to the customer; absent → guest.
import { createHmac, timingSafeEqual } from 'node:crypto'

import { readCookie } from '../../analytics/visitor'
import { cookiesSecure } from '../../platform/http/origin'
import { payloadSecret } from '../../utilities/payloadSecret'

export const READER_COOKIE = 'tw_reader'
const TTL_SECONDS = 30 * 24 * 3600

const mac = (body: string) => createHmac('sha256', `tuiwen:reader:${payloadSecret()}`).update(body).digest('base64url').slice(0, 32)

/** `secure`: the caller's request was https; the cookie is Secure anyway when the configured public origin is. */
export function readerCookie(customerId: string, nowMs: number, secure: boolean): string {
  const body = `${customerId}.${Math.floor(nowMs / 1000) + TTL_SECONDS}`
  return `${READER_COOKIE}=${body}.${mac(body)}; Path=/; Max-Age=${TTL_SECONDS}; HttpOnly; SameSite=Lax${secure || cookiesSecure() ? '; Secure' : ''}`
}

export function readerFromHeaders(headers: Headers, nowMs = Date.now()): { customerId: string } | undefined {
  const value = readCookie(headers, READER_COOKIE)
  const match = value ? /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{32})$/.exec(value) : null
  if (!match) return undefined
  const [, id, exp, given] = match
  const expected = mac(`${id}.${exp}`)
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return undefined
  if (Number(exp) * 1000 <= nowMs) return undefined
  return { customerId: id }
}
