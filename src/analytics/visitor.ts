// Privacy-respecting visitor ids: a random first-party cookie (no fingerprinting, no IP), stored only as a
// keyed hash, so the events table cannot be joined back to a browser cookie without the server secret.
import { createHmac, randomBytes } from 'node:crypto'

import { cookiesSecure } from '../platform/http/origin'
import { payloadSecret } from '../utilities/payloadSecret'

export const VISITOR_COOKIE = 'tw_vid'
const VISITOR_RE = /^[A-Za-z0-9_-]{16,64}$/
const ONE_YEAR = 365 * 24 * 3600

export const newVisitorId = () => randomBytes(16).toString('base64url')

export function readCookie(headers: Headers, name: string): string | undefined {
  const header = headers.get('cookie')
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

/** The visitor cookie if present and well-formed. */
export function visitorIdFrom(headers: Headers): string | undefined {
  const value = readCookie(headers, VISITOR_COOKIE)
  return value && VISITOR_RE.test(value) ? value : undefined
}

/** 24 hex chars of HMAC(secret, id): stable per visitor, useless without the secret. */
export function visitorHash(id: string, secret = payloadSecret()): string {
  return createHmac('sha256', `tuiwen:visitor:${secret}`).update(id).digest('hex').slice(0, 24)
}

/** `secure`: the caller's request was https; the cookie is Secure anyway when the configured public origin is. */
export function visitorCookie(id: string, secure: boolean): string {
  return `${VISITOR_COOKIE}=${id}; Path=/; Max-Age=${ONE_YEAR}; HttpOnly; SameSite=Lax${secure || cookiesSecure() ? '; Secure' : ''}`
}

/** The hashed funnel visitor of a request (its `tw_vid` cookie), or undefined. */
export function funnelVisitorOf(headers: Headers): string | undefined {
  const id = visitorIdFrom(headers)
  return id ? visitorHash(id) : undefined
}
