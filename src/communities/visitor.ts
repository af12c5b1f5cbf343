// Reader identity until WeChat OAuth lands: a random visitor id in a signed, httpOnly cookie. Sign-ups,
// coupon claims and memberships are keyed by `readerKey` = sha256(id), so brand teams who can read those
// rows never see a cookie value they could replay. When OAuth arrives, readerKey becomes the openid/unionid.
import crypto from 'node:crypto'

import { cookiesSecure } from '../platform/http/origin'
import { payloadSecret } from '../utilities/payloadSecret'

// Not `tw_reader`: that one is the WeChat OAuth reader session (src/wechat/identity/readerSession.ts).
export const VISITOR_COOKIE = 'tw_member'
const MAX_AGE_S = 400 * 24 * 3600 // browsers cap cookie lifetime at 400 days

const sign = (id: string, secret: string) => crypto.createHmac('sha256', secret).update(`reader:${id}`).digest('base64url')

export const readerKeyOf = (id: string) => crypto.createHash('sha256').update(`reader:${id}`).digest('hex')

/** The visitor id from a cookie value, or null when missing or tampered with. */
export function verifyVisitorCookie(value: string | null | undefined, secret = payloadSecret()): string | null {
  if (!value || value.length > 128) return null
  const dot = value.indexOf('.')
  if (dot < 1) return null
  const id = value.slice(0, dot)
  const given = Buffer.from(value.slice(dot + 1))
  const expected = Buffer.from(sign(id, secret))
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? id : null
}

export function newVisitorCookieValue(secret = payloadSecret()): { id: string; value: string } {
  const id = crypto.randomBytes(16).toString('base64url')
  return { id, value: `${id}.${sign(id, secret)}` }
}

export function cookieFrom(headers: Headers, name = VISITOR_COOKIE): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return null
}

export function setCookieHeader(value: string, secure: boolean): string {
  return `${VISITOR_COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/**
 * The reader behind a request: the verified cookie's id, or a fresh one with the Set-Cookie header the
 * response must carry.
 */
export function readerOf(headers: Headers, url?: string): { readerKey: string; setCookie?: string } {
  const id = verifyVisitorCookie(cookieFrom(headers))
  if (id) return { readerKey: readerKeyOf(id) }
  const fresh = newVisitorCookieValue()
  const secure = Boolean(url?.startsWith('https:')) || cookiesSecure({ headers, url })
  return { readerKey: readerKeyOf(fresh.id), setCookie: setCookieHeader(fresh.value, secure) }
}
