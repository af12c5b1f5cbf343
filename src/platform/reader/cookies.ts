// Reading and writing the reader cookies. The one parser is Payload's (the edge-runtime parser that Next's
// request.cookies and Payload's own session cookie use), so every cookie of a request reads the same way.
import { parseCookies } from 'payload/shared'

/** The value of cookie `name` in a request's Cookie header (URI-decoded), or undefined. */
export function readCookie(headers: Pick<Headers, 'get'>, name: string): string | undefined {
  return parseCookies(headers as Headers).get(name)
}

/**
 * The Set-Cookie header of a reader cookie: first-party, whole site, script-proof, sent on top-level navigation
 * from WeChat (Lax); `Secure` when the caller decided the reader is on https.
 */
export function readerCookieHeader(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}
