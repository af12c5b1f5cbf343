// The one place that knows the public origin and the client's address. `npm start`/`demo` serve through
// scripts/server.mjs, which rewrites X-Forwarded-For/-Proto/-Host from the socket (no TRUST_PROXY) or from the
// TRUST_PROXY nearest proxies, so by the time a request reaches the app those headers can be believed.

type RequestLike = { headers: Headers; url?: string | null }

const trimSlash = (s: string) => s.replace(/\/+$/, '')

/** The installation's configured origin (NEXT_PUBLIC_SERVER_URL), else http://localhost:$PORT. For work without a request (jobs). */
export function configuredOrigin(env = process.env): string {
  if (env.NEXT_PUBLIC_SERVER_URL) return new URL(env.NEXT_PUBLIC_SERVER_URL).origin
  return `http://localhost:${env.PORT || 3000}`
}

/** Every origin the installation answers on when it is configured: NEXT_PUBLIC_SERVER_URL and TUIWEN_EXTRA_ORIGINS (comma-separated). */
export function configuredOrigins(env = process.env): string[] {
  const list = [env.NEXT_PUBLIC_SERVER_URL, ...(env.TUIWEN_EXTRA_ORIGINS ?? '').split(',')]
  return [
    ...new Set(
      list
        .map((s) => s?.trim())
        .filter((s): s is string => Boolean(s))
        .map((s) => new URL(s).origin),
    ),
  ]
}

/**
 * The origin a reader reached us on: NEXT_PUBLIC_SERVER_URL when configured (the Host header is the client's to
 * choose), else the normalized X-Forwarded-Proto/-Host (see scripts/server.mjs), else the request URL's.
 */
export function publicOrigin(request?: RequestLike, env = process.env): string {
  if (env.NEXT_PUBLIC_SERVER_URL) return new URL(env.NEXT_PUBLIC_SERVER_URL).origin
  if (request) {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
    const proto = request.headers.get('x-forwarded-proto') === 'https' ? 'https' : 'http'
    if (host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host)) return `${proto}://${host.toLowerCase()}`
    if (request.url) {
      try {
        return new URL(request.url).origin
      } catch {
        /* fall through */
      }
    }
  }
  return trimSlash(configuredOrigin(env))
}

export const isHttps = (origin: string) => origin.startsWith('https://')

/** The client's address as normalized by scripts/server.mjs (one X-Forwarded-For entry), or 'unknown'. */
export function clientIp(headers: Headers): string {
  const value = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return value || 'unknown'
}

/** Whether cookies we set for this request must carry `Secure`: the public origin (see publicOrigin) is https. */
export const cookiesSecure = (request?: RequestLike, env = process.env): boolean => isHttps(publicOrigin(request, env))

/**
 * Payload's own session cookie (`payload-token`), for `auth.cookies` of the Users collection: `Secure` when the
 * configured origin (NEXT_PUBLIC_SERVER_URL) is https. The collection config is built once, without a request, so
 * only the configured origin can decide.
 */
export function authCookieOptions(env = process.env): { secure: boolean; sameSite: 'Lax' } {
  return { secure: isHttps(configuredOrigin(env)), sameSite: 'Lax' }
}
