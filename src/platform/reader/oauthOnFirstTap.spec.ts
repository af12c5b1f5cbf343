import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { OAUTH_TRIED_COOKIE, silentOAuthRedirect } from './oauthOnFirstTap'
import { READER_COOKIE, readerCookie } from './wechatReader'

const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN'
const PAGE_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

const saved = process.env.PAYLOAD_SECRET
beforeEach(() => {
  process.env.PAYLOAD_SECRET = 'oauth-first-tap-spec'
})
afterEach(() => {
  process.env.PAYLOAD_SECRET = saved
})

function request(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return { method, url: new URL(path, 'https://shop.example.com'), headers: new Headers({ 'user-agent': WECHAT_UA, accept: PAGE_ACCEPT, ...headers }) }
}

describe('silent snsapi_base OAuth on the first product page load inside WeChat', () => {
  it('sends a new WeChat reader through OAuth, back to the same page with its query, and marks the try', () => {
    const out = silentOAuthRedirect(request('/p/mingqian-longjing?sku=LJ-50G&from=a1&b=2'))
    expect(out).toBeDefined()
    const location = new URL(out!.location, 'https://shop.example.com')
    expect(location.pathname).toBe('/api/wechat/oauth/start')
    expect(location.searchParams.get('returnTo')).toBe('/p/mingqian-longjing?sku=LJ-50G&from=a1&b=2')
    expect(location.searchParams.get('scope')).toBe('base')
    expect(out!.setCookie).toMatch(new RegExp(`^${OAUTH_TRIED_COOKIE}=1; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax; Secure$`))
    expect(silentOAuthRedirect(request('/p/x/s/SKU-1'))?.location).toContain('returnTo=%2Fp%2Fx%2Fs%2FSKU-1')
  })

  it('never loops: a reader already tried, or already recognised, gets the page', () => {
    expect(silentOAuthRedirect(request('/p/x', { cookie: `${OAUTH_TRIED_COOKIE}=1` }))).toBeUndefined()
    const recognised = readerCookie('cust1', Date.now(), true).split(';')[0]!
    expect(silentOAuthRedirect(request('/p/x', { cookie: recognised }))).toBeUndefined()
    // a forged reader cookie is no recognition
    expect(silentOAuthRedirect(request('/p/x', { cookie: `${READER_COOKIE}=cust1.9999999999.${'A'.repeat(32)}` }))).toBeDefined()
  })

  it('leaves everything else alone: other browsers, other pages, prefetches, client navigations, other methods', () => {
    expect(silentOAuthRedirect(request('/p/x', { 'user-agent': 'Mozilla/5.0 (iPhone) Safari/604.1' }))).toBeUndefined()
    for (const path of ['/a/article', '/c/club', '/o/TW1?t=x', '/p/x/buy', '/api/stock?ids=1']) expect(silentOAuthRedirect(request(path))).toBeUndefined()
    expect(silentOAuthRedirect(request('/p/x', { purpose: 'prefetch' }))).toBeUndefined()
    expect(silentOAuthRedirect(request('/p/x', { 'sec-purpose': 'prefetch;prerender' }))).toBeUndefined()
    expect(silentOAuthRedirect(request('/p/x', { rsc: '1' }))).toBeUndefined()
    expect(silentOAuthRedirect(request('/p/x', { accept: 'application/json' }))).toBeUndefined()
    expect(silentOAuthRedirect(request('/p/x', {}, 'POST'))).toBeUndefined()
    expect(silentOAuthRedirect(request('/p/x', {}, 'HEAD'))).toBeUndefined()
  })

  it('marks the try without Secure on plain http (the demo on localhost)', () => {
    const out = silentOAuthRedirect({ ...request('/p/x'), url: new URL('http://localhost:3000/p/x') })
    expect(out!.setCookie).not.toContain('Secure')
  })
})
