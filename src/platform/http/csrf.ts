// Cross-site request forgery: a browser attaches our cookies (the admin's payload-token, the reader's tw_member /
// tw_reader / tw_vid) to a form or fetch that another site sends us. Browsers say where such a request comes
// from (Origin, else Referer), so a state-changing request that carries cookies and names a foreign origin is
// refused before any route runs (src/proxy.ts). Requests naming no origin at all pass: they do not come from a
// browser page, and a non-browser client cannot ride a victim's cookies.
import { AppError, errorResponse } from '../errors'
import { configuredOrigins, publicOrigin } from './origin'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type CsrfVerdict = { ok: true } | { ok: false; reason: 'origin' | 'referer' }

/** The origins a browser page of ours can send from: NEXT_PUBLIC_SERVER_URL, TUIWEN_EXTRA_ORIGINS and the request's public origin. */
export function allowedOrigins(request: { headers: Headers; url?: string | null }, env = process.env): Set<string> {
  return new Set([...configuredOrigins(env), publicOrigin(request, env)])
}

/** `value` as a serialized origin, or null when it is not one (including the opaque origin "null"). */
function originOf(value: string, { exact }: { exact: boolean }): string | null {
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    // An Origin header is exactly scheme://host[:port]; anything else in it is not a browser's.
    if (exact && url.origin !== value.toLowerCase()) return null
    return url.origin
  } catch {
    return null
  }
}

/**
 * `evenWithoutCookies`: for a route that answers a cookieless request by setting a cookie and acting on it (the
 * community page's no-JS forms), where a foreign page could otherwise act for the fresh reader it creates.
 */
export function checkCsrf(
  request: { method: string; headers: Headers },
  allowed: ReadonlySet<string>,
  { evenWithoutCookies = false }: { evenWithoutCookies?: boolean } = {},
): CsrfVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true }
  if (!evenWithoutCookies && !request.headers.get('cookie')) return { ok: true }
  const origin = request.headers.get('origin')
  if (origin !== null) {
    // `Origin: null` (sandboxed frames, data: pages, some cross-origin redirects) is never ours.
    const parsed = originOf(origin.trim(), { exact: true })
    return parsed && allowed.has(parsed) ? { ok: true } : { ok: false, reason: 'origin' }
  }
  const referer = request.headers.get('referer')
  if (referer !== null) {
    const parsed = originOf(referer.trim(), { exact: false })
    return parsed && allowed.has(parsed) ? { ok: true } : { ok: false, reason: 'referer' }
  }
  return { ok: true }
}

export const CSRF_MESSAGE = '请求来源不受信任，已拒绝 (cross-site request refused)'

export function csrfRefusal(headers?: Record<string, string>): Response {
  return errorResponse(new AppError('CSRF', 403, CSRF_MESSAGE, { headers: { 'cache-control': 'no-store', ...headers } }))
}
