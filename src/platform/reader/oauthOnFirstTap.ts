// Reader identity inside WeChat without a consent screen: the first time a WeChat reader opens a product page, the
// page is reached through a silent snsapi_base OAuth round trip (/api/wechat/oauth/start → WeChat → callback), which
// sets `tw_reader`; the order then carries the reader's openid (JSAPI pay, order notifications).
import { readCookie, readerCookieHeader } from './cookies'
import { readerFromHeaders } from './wechatReader'

/** Set on the way out, so a reader whom OAuth could not recognise (no account, denied, error) is not sent round again. */
export const OAUTH_TRIED_COOKIE = 'tw_oauth_tried'
const TRIED_SECONDS = 24 * 3600

export const OAUTH_START_PATH = '/api/wechat/oauth/start'

const PRODUCT_PAGE = /^\/p\/[^/]+(?:\/s\/[^/]+)?$/
const IN_WECHAT = /MicroMessenger/i

type Request = { method: string; url: URL; headers: Pick<Headers, 'get'> }

/** A top-level page load by a person (not a prefetch, a client-side navigation or a fetch). */
function isDocumentNavigation(headers: Pick<Headers, 'get'>): boolean {
  if (headers.get('rsc') || headers.get('next-router-prefetch') || headers.get('next-action')) return false
  if (/prefetch|prerender/i.test(`${headers.get('purpose') ?? ''} ${headers.get('sec-purpose') ?? ''}`)) return false
  return (headers.get('accept') ?? '').includes('text/html')
}

/**
 * Where to send a WeChat reader on their first product page load, with the cookie that marks the try; undefined to
 * serve the page. Only GET page loads inside WeChat's browser by a reader not yet recognised and not tried today.
 */
export function silentOAuthRedirect(request: Request, nowMs = Date.now()): { location: string; setCookie: string } | undefined {
  if (request.method !== 'GET' || !PRODUCT_PAGE.test(request.url.pathname)) return undefined
  if (!IN_WECHAT.test(request.headers.get('user-agent') ?? '') || !isDocumentNavigation(request.headers)) return undefined
  if (readCookie(request.headers, OAUTH_TRIED_COOKIE) || readerFromHeaders(request.headers, nowMs)) return undefined
  const returnTo = `${request.url.pathname}${request.url.search}`
  const location = `${OAUTH_START_PATH}?${new URLSearchParams({ returnTo, scope: 'base' })}`
  return { location, setCookie: readerCookieHeader(OAUTH_TRIED_COOKIE, '1', TRIED_SECONDS, request.url.protocol === 'https:') }
}
