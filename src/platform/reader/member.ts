// The community member (`tw_member`): a random id in a signed, httpOnly cookie. Sign-ups, coupon claims and
// memberships are keyed by `readerKey` = sha256(id), so brand teams who can read those rows never see a cookie
// value they could replay. (Not `tw_reader`: that one is the WeChat OAuth reader, ./wechatReader.ts.)
import crypto from 'node:crypto'

import { payloadSecret } from '../../utilities/payloadSecret'
import { cookiesSecure } from '../http/origin'
import { readCookie, readerCookieHeader } from './cookies'

export const MEMBER_COOKIE = 'tw_member'
const MAX_AGE_S = 400 * 24 * 3600 // browsers cap cookie lifetime at 400 days

const sign = (id: string, secret: string) => crypto.createHmac('sha256', secret).update(`reader:${id}`).digest('base64url')

export const readerKeyOf = (id: string) => crypto.createHash('sha256').update(`reader:${id}`).digest('hex')

/** The member id from a cookie value, or null when missing or tampered with. */
export function verifyMemberCookie(value: string | null | undefined, secret = payloadSecret()): string | null {
  if (!value || value.length > 128) return null
  const dot = value.indexOf('.')
  if (dot < 1) return null
  const id = value.slice(0, dot)
  const given = Buffer.from(value.slice(dot + 1))
  const expected = Buffer.from(sign(id, secret))
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? id : null
}

export function newMemberCookieValue(secret = payloadSecret()): { id: string; value: string } {
  const id = crypto.randomBytes(16).toString('base64url')
  return { id, value: `${id}.${sign(id, secret)}` }
}

/** The reader key of a request's verified member cookie, or undefined. */
export function memberKeyFrom(headers: Pick<Headers, 'get'>): string | undefined {
  const id = verifyMemberCookie(readCookie(headers, MEMBER_COOKIE))
  return id ? readerKeyOf(id) : undefined
}

/**
 * The member behind a request: the verified cookie's reader key, or a fresh one with the Set-Cookie header the
 * response must carry.
 */
export function ensureMember(headers: Headers, url?: string): { readerKey: string; setCookie?: string } {
  const readerKey = memberKeyFrom(headers)
  if (readerKey) return { readerKey }
  const fresh = newMemberCookieValue()
  const secure = Boolean(url?.startsWith('https:')) || cookiesSecure({ headers, url })
  return { readerKey: readerKeyOf(fresh.id), setCookie: readerCookieHeader(MEMBER_COOKIE, fresh.value, MAX_AGE_S, secure) }
}
