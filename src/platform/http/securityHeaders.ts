// The security headers every response carries (src/proxy.ts sets them; Next copies a proxy's response headers
// onto the final response, so they also land on pages served from the ISR cache and on route handlers).
// Pure: a path, the public origin and the environment in, a header map out.
import { configuredOrigins, isHttps } from './origin'

/** Which policy a path gets: the Payload admin, the REST/GraphQL API, or everything else (reader pages, sandbox). */
export type Surface = 'page' | 'admin' | 'api'

export function surfaceOf(pathname: string): Surface {
  if (/^\/admin(?:\/|$)/.test(pathname)) return 'admin'
  if (/^\/api(?:\/|$)/.test(pathname)) return 'api'
  return 'page'
}

/** The WeChat JS-SDK (src/components/web/WechatShare.tsx, JSSDK_SRC = https://res.wx.qq.com/open/js/jweixin-1.6.0.js). */
export const WECHAT_SCRIPT_HOSTS = ['https://res.wx.qq.com']
/** Images of WeChat articles and materials (mmbiz.qpic.cn and its sibling hosts). */
export const WECHAT_IMAGE_HOSTS = ['https://mmbiz.qpic.cn', 'https://*.qpic.cn']
/** WeChat Pay's H5 cashier: h5_url points here, and the no-JavaScript buy form's 303 ends there (form-action covers redirects). */
export const WECHAT_PAY_FORM_HOSTS = ['https://wx.tenpay.com']
/**
 * Payload's code field (the 代码 block) runs Monaco through @monaco-editor/loader, which fetches it from this CDN
 * prefix (loader 1.7.0's default `paths.vs`; securityHeaders.spec.ts fails when the installed loader points elsewhere).
 * Only this package version's path is allowed, not all of jsDelivr.
 */
export const MONACO_CDN = 'https://cdn.jsdelivr.net/npm/monaco-editor@0.55.1/'

// A CSP host-source (optionally with scheme, a leading wildcard label, port and path); nothing that could end a
// directive or add a keyword.
const HOST_SOURCE = /^(?:https?:\/\/)?(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?(?:\/[A-Za-z0-9._~%!$&()*+=:@/-]*)?$/

/** Extra image hosts from TUIWEN_IMAGE_HOSTS (comma-separated, for S3/CDN media). Entries that are not host sources are ignored. */
export function imageHostsFrom(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.TUIWEN_IMAGE_HOSTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && HOST_SOURCE.test(s))
}

type Directives = Record<string, string[]>

const serialize = (d: Directives) =>
  Object.entries(d)
    .map(([name, sources]) => [name, ...new Set(sources)].join(' '))
    .join('; ')

export type CspOptions = { env?: NodeJS.ProcessEnv; dev?: boolean }

export function contentSecurityPolicy(surface: Surface, { env = process.env, dev = env.NODE_ENV === 'development' }: CspOptions = {}): string {
  if (surface === 'api') return serialize({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] })
  // `next dev` only: React rebuilds server error stacks with eval. Neither React, Next nor Payload's admin
  // (@payloadcms/ui, next, richtext-lexical, plugin-multi-tenant and their client dependencies: no eval or
  // new Function) needs it in production; Monaco probes eval in its worker and falls back to importScripts.
  const evalInDev = dev ? ["'unsafe-eval'"] : []
  // Our own other origins (NEXT_PUBLIC_SERVER_URL, TUIWEN_EXTRA_ORIGINS): with serverURL set, Payload's upload
  // URLs are absolute on NEXT_PUBLIC_SERVER_URL, and payment redirects go there, even when read on another origin.
  const own = configuredOrigins(env)
  const images = ["'self'", 'data:', 'blob:', ...WECHAT_IMAGE_HOSTS, ...own, ...imageHostsFrom(env)]
  const common: Directives = {
    'default-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    // Our own pages only: the admin's previews frame them, nobody else may (clickjacking).
    'frame-ancestors': ["'self'"],
  }
  if (surface === 'admin') {
    return serialize({
      ...common,
      // Payload's admin is a Next app: inline bootstrap/RSC scripts and inline styles everywhere.
      'script-src': ["'self'", "'unsafe-inline'", ...evalInDev, MONACO_CDN],
      'style-src': ["'self'", "'unsafe-inline'", MONACO_CDN],
      'font-src': ["'self'", 'data:', MONACO_CDN],
      'img-src': images,
      'connect-src': ["'self'"],
      // Monaco starts its language workers from blob: trampolines that import the CDN scripts.
      'worker-src': ["'self'", 'blob:'],
      'form-action': ["'self'"],
    })
  }
  return serialize({
    ...common,
    // 'unsafe-inline': the reader pages are ISR pages served from the cache, and Next's inline bootstrap scripts
    // in a cached page cannot carry a per-request nonce (nonces force dynamic rendering of every page).
    'script-src': ["'self'", "'unsafe-inline'", ...evalInDev, ...WECHAT_SCRIPT_HOSTS],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': images,
    'connect-src': ["'self'"],
    'form-action': ["'self'", ...own, ...WECHAT_PAY_FORM_HOSTS],
  })
}

/** Order pages (`/o/<number>?t=<token>`) carry their secret token in the URL: send no Referer from them at all. */
export const referrerPolicyFor = (pathname: string) => (/^\/o(?:\/|$)/.test(pathname) ? 'no-referrer' : 'strict-origin-when-cross-origin')

export const HSTS = 'max-age=31536000; includeSubDomains'

/** Every security header for a response to `pathname`, served on `publicOrigin` (HSTS only when that is https). */
export function securityHeaders(pathname: string, publicOrigin: string, options: CspOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(surfaceOf(pathname), options),
    'X-Frame-Options': 'SAMEORIGIN',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': referrerPolicyFor(pathname),
  }
  if (isHttps(publicOrigin)) headers['Strict-Transport-Security'] = HSTS
  return headers
}
