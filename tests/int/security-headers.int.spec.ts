// The proxy (src/proxy.ts) as Next calls it: security headers per surface, and the CSRF refusal of cross-site
// state-changing requests that carry cookies.
import fs from 'node:fs'
import path from 'node:path'

import { NextRequest } from 'next/server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { contentSecurityPolicy, imageHostsFrom, MONACO_CDN } from '@/platform/http/securityHeaders'
import { proxy } from '@/proxy'

const ENV_KEYS = ['NEXT_PUBLIC_SERVER_URL', 'TUIWEN_EXTRA_ORIGINS', 'TUIWEN_IMAGE_HOSTS'] as const
const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {}
beforeEach(() => {
  for (const key of ENV_KEYS) {
    saved[key] = process.env[key]
    delete process.env[key]
  }
})
afterEach(() => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
})

/** A request as scripts/server.mjs hands it to Next: Host plus the normalized X-Forwarded-Proto/-Host. */
function request(pathAndQuery: string, init: { method?: string; headers?: Record<string, string>; proto?: 'http' | 'https'; host?: string } = {}) {
  const host = init.host ?? 'localhost:3000'
  const proto = init.proto ?? 'http'
  return new NextRequest(`${proto}://${host}${pathAndQuery}`, {
    method: init.method ?? 'GET',
    headers: { host, 'x-forwarded-host': host, 'x-forwarded-proto': proto, 'x-forwarded-for': '203.0.113.7', ...init.headers },
  })
}

/** `default-src 'self'; img-src a b` → { 'default-src': ["'self'"], 'img-src': ['a', 'b'] }; a directive twice is an error. */
function parseCsp(header: string | null): Record<string, string[]> {
  expect(header).toBeTruthy()
  const out: Record<string, string[]> = {}
  for (const part of header!.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    expect(out[name], `directive ${name} appears twice`).toBeUndefined()
    out[name] = sources
  }
  return out
}

/** A literal environment (NodeJS.ProcessEnv requires NODE_ENV). */
const env = (vars: Record<string, string> = {}) => vars as unknown as NodeJS.ProcessEnv

const passedThrough = (res: Response) => res.headers.get('x-middleware-next') === '1'

describe('security headers', () => {
  it('public page: strict-ish CSP with the WeChat hosts, frame and sniffing protection, no HSTS over http', () => {
    process.env.TUIWEN_IMAGE_HOSTS = 'https://media.example-cdn.com, bucket.s3.amazonaws.com'
    const res = proxy(request('/a/spring-longjing-guide'))
    expect(passedThrough(res)).toBe(true)
    const csp = parseCsp(res.headers.get('content-security-policy'))
    expect(csp['default-src']).toEqual(["'self'"])
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-inline'", 'https://res.wx.qq.com'])
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp['img-src']).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://mmbiz.qpic.cn',
      'https://*.qpic.cn',
      'https://media.example-cdn.com',
      'bucket.s3.amazonaws.com',
    ])
    expect(csp['connect-src']).toEqual(["'self'"])
    expect(csp['form-action']).toEqual(["'self'", 'https://wx.tenpay.com'])
    expect(csp['frame-ancestors']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'self'"])
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'")
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('strict-transport-security')).toBeNull()
    // the admin's language default stays on /admin and /api
    expect(res.headers.get('x-middleware-request-cookie')).toBeNull()
  })

  it('the WeChat JS-SDK the share component loads is allowed by script-src', async () => {
    const { JSSDK_SRC } = await import('@/components/web/WechatShare')
    const csp = parseCsp(proxy(request('/p/mingqian-longjing')).headers.get('content-security-policy'))
    expect(csp['script-src']).toContain(new URL(JSSDK_SRC).origin)
  })

  it('order pages send no Referer (their URL carries the access token)', () => {
    const res = proxy(request('/o/T20260101001?t=secret-token'))
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(parseCsp(res.headers.get('content-security-policy'))['script-src']).toContain('https://res.wx.qq.com')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    // only /o/… is an order page
    expect(proxy(request('/order-help')).headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('images drawn by the app (/qr, the share poster /p/<slug>/poster) get the page headers, and are served as asked', () => {
    const wechat = 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 MicroMessenger/8.0.50 NetType/WIFI'
    for (const p of ['/qr?u=http%3A%2F%2Flocalhost%3A3000%2Fp%2Fmingqian-longjing', '/p/mingqian-longjing/poster?sku=S50&sharer=reader_1']) {
      // even opened as a document inside WeChat: no silent OAuth round trip, no rewrite to a SKU page
      const res = proxy(request(p, { headers: { 'user-agent': wechat, accept: 'text/html,image/png' } }))
      expect(passedThrough(res), p).toBe(true)
      expect(res.headers.get('x-middleware-rewrite'), p).toBeNull()
      expect(res.headers.get('location'), p).toBeNull()
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff')
      expect(res.headers.get('x-frame-options'), p).toBe('SAMEORIGIN')
      expect(res.headers.get('referrer-policy'), p).toBe('strict-origin-when-cross-origin')
      expect(parseCsp(res.headers.get('content-security-policy'))['default-src'], p).toEqual(["'self'"])
    }
    expect(proxy(request('/p/mingqian-longjing/poster', { proto: 'https', host: 'shop.example' })).headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    )
  })

  it('admin: what Payload needs (inline, Monaco from its pinned CDN path), framable by ourselves only, no eval', () => {
    process.env.TUIWEN_IMAGE_HOSTS = 'https://media.example-cdn.com'
    const res = proxy(request('/admin/collections/articles'))
    expect(passedThrough(res)).toBe(true)
    const csp = parseCsp(res.headers.get('content-security-policy'))
    expect(csp['default-src']).toEqual(["'self'"])
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-inline'", MONACO_CDN])
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'", MONACO_CDN])
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://mmbiz.qpic.cn', 'https://*.qpic.cn', 'https://media.example-cdn.com'])
    expect(csp['worker-src']).toEqual(["'self'", 'blob:'])
    expect(csp['frame-ancestors']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'self'"])
    expect(csp['form-action']).toEqual(["'self'"])
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'")
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    // /admin itself too, and the Chinese default is still injected for Payload
    const root = proxy(request('/admin'))
    expect(parseCsp(root.headers.get('content-security-policy'))['script-src']).toContain(MONACO_CDN)
    expect(root.headers.get('x-middleware-request-cookie')).toContain('payload-lng=zh')
  })

  it('admin keeps an explicit language choice', () => {
    const res = proxy(request('/admin', { headers: { cookie: 'payload-lng=en' } }))
    expect(res.headers.get('x-middleware-request-cookie')).toBeNull()
    expect(res.headers.get('content-security-policy')).toBeTruthy()
  })

  it("API responses: default-src 'none', never framed", () => {
    const res = proxy(request('/api/products?limit=1'))
    expect(passedThrough(res)).toBe(true)
    expect(parseCsp(res.headers.get('content-security-policy'))).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] })
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-middleware-request-cookie')).toContain('payload-lng=zh')
  })

  it('HSTS only when the public origin is https', () => {
    expect(proxy(request('/a/x')).headers.get('strict-transport-security')).toBeNull()
    // behind a TLS-terminating proxy (X-Forwarded-Proto normalized by scripts/server.mjs)
    expect(proxy(request('/a/x', { proto: 'https', host: 'shop.example' })).headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    )
    process.env.NEXT_PUBLIC_SERVER_URL = 'https://shop.example'
    for (const p of ['/a/x', '/admin', '/api/users/me', '/o/T1?t=x']) {
      expect(proxy(request(p)).headers.get('strict-transport-security'), p).toBe('max-age=31536000; includeSubDomains')
    }
    process.env.NEXT_PUBLIC_SERVER_URL = 'http://shop.example'
    expect(proxy(request('/a/x', { proto: 'https' })).headers.get('strict-transport-security')).toBeNull()
  })

  it('our other configured origins may serve images and receive forms', () => {
    process.env.NEXT_PUBLIC_SERVER_URL = 'https://shop.example'
    const csp = parseCsp(proxy(request('/p/x')).headers.get('content-security-policy'))
    expect(csp['img-src']).toContain('https://shop.example')
    expect(csp['form-action']).toEqual(["'self'", 'https://shop.example', 'https://wx.tenpay.com'])
  })

  it('TUIWEN_IMAGE_HOSTS cannot inject directives or keywords', () => {
    expect(
      imageHostsFrom(env({ TUIWEN_IMAGE_HOSTS: "cdn.example.com, evil.example; script-src *, 'unsafe-eval', *, https://*.cdn.example.net/media/" })),
    ).toEqual(['cdn.example.com', 'https://*.cdn.example.net/media/'])
    process.env.TUIWEN_IMAGE_HOSTS = 'a.example; script-src https://evil.example'
    const csp = parseCsp(proxy(request('/a/x')).headers.get('content-security-policy'))
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-inline'", 'https://res.wx.qq.com'])
  })

  it("'unsafe-eval' only under next dev", () => {
    expect(parseCsp(contentSecurityPolicy('page', { env: env(), dev: true }))['script-src']).toContain("'unsafe-eval'")
    expect(parseCsp(contentSecurityPolicy('admin', { env: env(), dev: true }))['script-src']).toContain("'unsafe-eval'")
    expect(parseCsp(contentSecurityPolicy('admin', { env: env(), dev: false }))['script-src']).not.toContain("'unsafe-eval'")
  })

  it("the Monaco path allowed for the admin is the one Payload's code editor loads", () => {
    const dist = path.resolve('node_modules/@payloadcms/ui/dist')
    const found = new Set<string>()
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (entry.name.endsWith('.js'))
          for (const m of fs.readFileSync(full, 'utf8').matchAll(/https:\/\/cdn\.jsdelivr\.net\/npm\/monaco-editor@[^/'"]+\//g)) found.add(m[0])
      }
    }
    walk(dist)
    expect([...found]).toEqual([MONACO_CDN])
  })

  it('matches everything but Next build assets and the favicon', async () => {
    const { config } = await import('@/proxy')
    const source = config.matcher[0]
    const re = new RegExp(`^${source}$`)
    for (const p of [
      '/',
      '/a/x',
      '/o/T1',
      '/admin',
      '/admin/collections/articles',
      '/api/products',
      '/api/graphql',
      '/sandbox/wechatpay/pay/1',
      '/p/x/buy',
      '/p/x/poster',
      '/qr',
    ])
      expect(re.test(p), p).toBe(true)
    for (const p of ['/_next/static/chunks/main.js', '/_next/image', '/favicon.ico']) expect(re.test(p), p).toBe(false)
  })
})

describe('CSRF', () => {
  const write = (p: string, headers: Record<string, string>, method = 'POST') => proxy(request(p, { method, headers }))

  async function expectRefused(res: Response) {
    expect(res.status).toBe(403)
    expect(passedThrough(res)).toBe(false)
    const body = await res.json()
    expect(body.error.code).toBe('CSRF')
    // eslint-disable-next-line no-control-regex -- [^\x00-\x7f] is "not ASCII": Chinese first, English in parentheses
    expect(body.error.message).toMatch(/^[^\x00-\x7f].*\(.+\)$/)
    // the refusal carries the security headers too
    expect(res.headers.get('content-security-policy')).toBeTruthy()
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  }

  it('refuses a cookie-authenticated POST from a foreign Origin', async () => {
    await expectRefused(write('/api/products', { cookie: 'payload-token=abc', origin: 'http://evil.example', 'content-type': 'application/json' }))
  })

  it('refuses every state-changing method, on every surface', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'])
      await expectRefused(write('/api/products/1', { cookie: 'payload-token=abc', origin: 'http://evil.example' }, method))
    await expectRefused(write('/admin/collections/products', { cookie: 'payload-token=abc', origin: 'https://evil.example', 'next-action': 'x' }))
    await expectRefused(write('/api/graphql', { cookie: 'payload-token=abc', origin: 'http://evil.example' }))
  })

  it('passes same-origin requests (fetch and no-JavaScript form posts)', () => {
    expect(passedThrough(write('/api/products', { cookie: 'payload-token=abc', origin: 'http://localhost:3000' }))).toBe(true)
    // the landing page's buy form, and the 沙箱 pay page's confirm form, as a browser posts them
    const form = {
      cookie: 'tw_member=abc.def; tw_vid=0123456789abcdef',
      origin: 'http://localhost:3000',
      referer: 'http://localhost:3000/p/mingqian-longjing',
      'content-type': 'application/x-www-form-urlencoded',
    }
    expect(passedThrough(write('/p/mingqian-longjing/buy', form))).toBe(true)
    expect(passedThrough(write('/sandbox/wechatpay/pay/wx123', { ...form, referer: 'http://localhost:3000/sandbox/wechatpay/pay/wx123' }))).toBe(true)
    // behind https, on the public host
    expect(
      passedThrough(
        proxy(
          request('/api/coupons/1/claim', {
            method: 'POST',
            proto: 'https',
            host: 'shop.example',
            headers: { cookie: 'tw_member=a', origin: 'https://shop.example' },
          }),
        ),
      ),
    ).toBe(true)
  })

  it('accepts the configured origins, and only those when NEXT_PUBLIC_SERVER_URL is set', async () => {
    process.env.NEXT_PUBLIC_SERVER_URL = 'https://shop.example/'
    process.env.TUIWEN_EXTRA_ORIGINS = 'https://m.shop.example'
    expect(passedThrough(write('/api/products', { cookie: 'payload-token=abc', origin: 'https://shop.example' }))).toBe(true)
    expect(passedThrough(write('/api/products', { cookie: 'payload-token=abc', origin: 'https://m.shop.example' }))).toBe(true)
    // the Host header is the client's to choose: with a configured origin it no longer counts
    await expectRefused(
      proxy(request('/api/products', { method: 'POST', host: 'evil.example', headers: { cookie: 'payload-token=abc', origin: 'http://evil.example' } })),
    )
    // same host, other scheme or port: another origin
    await expectRefused(write('/api/products', { cookie: 'payload-token=abc', origin: 'http://shop.example' }))
    await expectRefused(write('/api/products', { cookie: 'payload-token=abc', origin: 'https://shop.example:8443' }))
  })

  it('passes requests without cookies (nothing to ride on)', () => {
    expect(passedThrough(write('/api/products', { origin: 'http://evil.example' }))).toBe(true)
    expect(passedThrough(write('/api/funnel/events', { referer: 'http://evil.example/x' }))).toBe(true)
  })

  it('passes safe methods from anywhere', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(passedThrough(write('/api/products', { cookie: 'payload-token=abc', origin: 'http://evil.example' }, method)), method).toBe(true)
  })

  it('without Origin, judges by Referer: foreign → 403, ours → passes, none → passes', async () => {
    await expectRefused(write('/api/products', { cookie: 'payload-token=abc', referer: 'http://evil.example/attack.html' }))
    await expectRefused(write('/api/products', { cookie: 'payload-token=abc', referer: 'not a url' }))
    expect(passedThrough(write('/api/products', { cookie: 'payload-token=abc', referer: 'http://localhost:3000/admin/collections/products' }))).toBe(true)
    expect(passedThrough(write('/api/products', { cookie: 'payload-token=abc' }))).toBe(true)
  })

  it('refuses Origin: null and malformed origins when cookies are sent', async () => {
    await expectRefused(write('/api/products', { cookie: 'payload-token=abc', origin: 'null' }))
    await expectRefused(write('/api/products', { cookie: 'payload-token=abc', origin: 'null', referer: 'http://localhost:3000/a/x' }))
    await expectRefused(write('/api/products', { cookie: 'payload-token=abc', origin: 'http://localhost:3000/path' }))
    await expectRefused(write('/api/products', { cookie: 'payload-token=abc', origin: 'file://' }))
  })
})

describe('Secure cookies when the public origin is https', () => {
  const secure = (setCookie: string | undefined) => /;\s*Secure(;|$)/.test(setCookie ?? '')

  it('community visitor cookie (tw_member): from the normalized X-Forwarded-Proto, or the configured origin', async () => {
    const { ensureMember } = await import('@/platform/reader')
    const behindTls = new Headers({ host: 'localhost:3000', 'x-forwarded-host': 'shop.example', 'x-forwarded-proto': 'https' })
    expect(secure(ensureMember(behindTls, 'http://localhost:3000/api/coupons/1/claim').setCookie)).toBe(true)
    const plain = new Headers({ host: 'localhost:3000', 'x-forwarded-host': 'localhost:3000', 'x-forwarded-proto': 'http' })
    expect(secure(ensureMember(plain, 'http://localhost:3000/api/coupons/1/claim').setCookie)).toBe(false)
    process.env.NEXT_PUBLIC_SERVER_URL = 'https://shop.example'
    expect(secure(ensureMember(plain, 'http://localhost:3000/api/coupons/1/claim').setCookie)).toBe(true)
  })

  it('analytics visitor (tw_vid) and OAuth reader (tw_reader) cookies', async () => {
    const { readerCookie, visitorCookie } = await import('@/platform/reader')
    expect(secure(visitorCookie('0123456789abcdef0123', false))).toBe(false)
    expect(secure(readerCookie('c1', Date.now(), false))).toBe(false)
    expect(secure(visitorCookie('0123456789abcdef0123', true))).toBe(true)
    process.env.NEXT_PUBLIC_SERVER_URL = 'https://shop.example'
    expect(secure(visitorCookie('0123456789abcdef0123', false))).toBe(true)
    expect(secure(readerCookie('c1', Date.now(), false))).toBe(true)
  })

  it("authCookieOptions() for Payload's payload-token", async () => {
    const { authCookieOptions } = await import('@/platform/http/origin')
    expect(authCookieOptions(env())).toEqual({ secure: false, sameSite: 'Lax' })
    expect(authCookieOptions(env({ NEXT_PUBLIC_SERVER_URL: 'http://shop.example' }))).toEqual({ secure: false, sameSite: 'Lax' })
    expect(authCookieOptions(env({ NEXT_PUBLIC_SERVER_URL: 'https://shop.example/' }))).toEqual({ secure: true, sameSite: 'Lax' })
  })
})
