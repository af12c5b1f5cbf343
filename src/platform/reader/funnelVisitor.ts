// The funnel visitor (`tw_vid`): a random first-party cookie (no fingerprinting, no IP), stored only as a keyed
// hash, so the events table cannot be joined back to a browser cookie without the server secret.
import { createHmac, randomBytes } from 'node:crypto'

import { payloadSecret } from '../../utilities/payloadSecret'
import { cookiesSecure } from '../http/origin'
import { readCookie, readerCookieHeader } from './cookies'

export const FUNNEL_VISITOR_COOKIE = 'tw_vid'
const VISITOR_RE = /^[A-Za-z0-9_-]{16,64}$/
const ONE_YEAR = 365 * 24 * 3600

export const newVisitorId = () => randomBytes(16).toString('base64url')

/** The visitor cookie if present and well-formed. */
export function visitorIdFrom(headers: Pick<Headers, 'get'>): string | undefined {
  const value = readCookie(headers, FUNNEL_VISITOR_COOKIE)
  return value && VISITOR_RE.test(value) ? value : undefined
}

/** 24 hex chars of HMAC(secret, id): stable per visitor, useless without the secret. */
export function visitorHash(id: string, secret = payloadSecret()): string {
  return createHmac('sha256', `tuiwen:visitor:${secret}`).update(id).digest('hex').slice(0, 24)
}

/** `secure`: the caller's request was https; the cookie is Secure anyway when the configured public origin is. */
export function visitorCookie(id: string, secure: boolean): string {
  return readerCookieHeader(FUNNEL_VISITOR_COOKIE, id, ONE_YEAR, secure || cookiesSecure())
}
