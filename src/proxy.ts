import { type NextRequest, NextResponse } from 'next/server'

import { allowedOrigins, checkCsrf, csrfRefusal } from './platform/http/csrf'
import { publicOrigin } from './platform/http/origin'
import { securityHeaders, surfaceOf } from './platform/http/securityHeaders'
import { skuPageFor } from './platform/http/skuPages'
import { silentOAuthRedirect } from './platform/reader/oauthOnFirstTap'

/**
 * Runs before every route except static assets (see `config.matcher`):
 * 1. refuses cross-site state-changing requests that carry our cookies (src/platform/http/csrf.ts);
 * 2. the admin is Chinese first: without an explicit choice (the `payload-lng` cookie, set when a user picks
 *    English in their account), Payload would follow the browser's Accept-Language instead (/admin and /api only);
 * 3. a WeChat reader's first product page load goes through silent snsapi_base OAuth first
 *    (src/platform/reader/oauthOnFirstTap.ts), so their order carries their openid;
 * 4. a landing link that names a SKU is served by that SKU's cached page (src/platform/http/skuPages.ts);
 * 5. sets the security headers (src/platform/http/securityHeaders.ts). Next copies a proxy's response headers onto
 *    the final response, including pages served from the ISR cache and route handlers' responses.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const headers = securityHeaders(pathname, publicOrigin(request))

  // Checked on the request as the browser sent it (before the language cookie below is added).
  if (!checkCsrf(request, allowedOrigins(request)).ok) return csrfRefusal(headers)

  let response: NextResponse
  const oauth = silentOAuthRedirect({ method: request.method, url: request.nextUrl, headers: request.headers })
  const skuPage = skuPageFor(request.nextUrl)
  if (oauth) {
    // On the public origin: behind a proxy, request.nextUrl's host is not necessarily the reader's.
    response = NextResponse.redirect(new URL(oauth.location, publicOrigin(request)), 302)
    response.headers.set('set-cookie', oauth.setCookie)
    response.headers.set('cache-control', 'no-store')
  } else if (skuPage) response = NextResponse.rewrite(skuPage)
  else if (surfaceOf(pathname) === 'page' || request.cookies.has('payload-lng')) response = NextResponse.next()
  else {
    const requestHeaders = new Headers(request.headers)
    const cookie = requestHeaders.get('cookie')
    requestHeaders.set('cookie', cookie ? `${cookie}; payload-lng=zh` : 'payload-lng=zh')
    response = NextResponse.next({ request: { headers: requestHeaders } })
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

// Everything but Next's build assets and image optimizer (immutable, same-origin files) and the favicon.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] }
