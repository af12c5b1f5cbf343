// The WeChat reader recognised by web OAuth (`tw_reader`), in a signed first-party cookie:
// `<customer id>.<exp s>.<mac>`. Checkout links an order to that customer; absent → guest.
import { createHmac, timingSafeEqual } from 'node:crypto'

import { payloadSecret } from '../../utilities/payloadSecret'
import { cookiesSecure } from '../http/origin'
import { readCookie, readerCookieHeader } from './cookies'

export const READER_COOKIE = 'tw_reader'
const TTL_SECONDS = 30 * 24 * 3600

const mac = (body: string) => createHmac('sha256', `tuiwen:reader:${payloadSecret()}`).update(body).digest('base64url').slice(0, 32)

/** `secure`: the caller's request was https; the cookie is Secure anyway when the configured public origin is. */
export function readerCookie(customerId: string, nowMs: number, secure: boolean): string {
  const body = `${customerId}.${Math.floor(nowMs / 1000) + TTL_SECONDS}`
  return readerCookieHeader(READER_COOKIE, `${body}.${mac(body)}`, TTL_SECONDS, secure || cookiesSecure())
}

export function readerFromHeaders(headers: Pick<Headers, 'get'>, nowMs = Date.now()): { customerId: string } | undefined {
  const value = readCookie(headers, READER_COOKIE)
  const match = value ? /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{32})$/.exec(value) : null
  if (!match) return undefined
  const [, id, exp, given] = match
  const expected = mac(`${id}.${exp}`)
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return undefined
  if (Number(exp) * 1000 <= nowMs) return undefined
  return { customerId: id }
}
