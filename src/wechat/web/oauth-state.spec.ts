import { describe, expect, it } from 'vitest'

import { buildAuthorizeUrl, buildOAuthRedirectUri } from './oauth'
import { consumeOAuthState, createMemoryUsedStateStore, createOAuthState, OAUTH_STATE_TTL_MS } from './oauth-state'
import { safeReturnPath } from './safe-return-path'

const secret = 'state-secret'
const now = 1_767_000_000_000

describe('OAuth state', () => {
  it('is WeChat-compatible ([A-Za-z0-9], ≤ 128) and round-trips once', async () => {
    const used = createMemoryUsedStateStore(() => now)
    const { state, returnTo } = createOAuthState({ secret, returnTo: '/p/tea?from=article&b=x', now })
    expect(state).toMatch(/^[A-Za-z0-9]{1,128}$/)
    expect(returnTo).toBe('/p/tea?from=article&b=x')
    expect(await consumeOAuthState({ secret, state, returnTo, now: now + 1000, used })).toEqual({ ok: true, returnTo })
    expect(await consumeOAuthState({ secret, state, returnTo, now: now + 2000, used })).toEqual({ ok: false, reason: 'replayed' })
  })

  it('rejects forgery: other secret, tampered MAC/expiry, swapped return path', async () => {
    const used = createMemoryUsedStateStore(() => now)
    const { state, returnTo } = createOAuthState({ secret, returnTo: '/o/123', now })
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === '0' ? '1' : '0') + s.slice(i + 1)
    expect(await consumeOAuthState({ secret: 'other', state, returnTo, now, used })).toEqual({ ok: false, reason: 'forged' })
    expect(await consumeOAuthState({ secret, state: flip(state, state.length - 1), returnTo, now, used })).toEqual({ ok: false, reason: 'forged' })
    expect(await consumeOAuthState({ secret, state: flip(state, 25), returnTo, now, used })).toEqual({ ok: false, reason: 'forged' })
    expect(await consumeOAuthState({ secret, state, returnTo: '/admin', now, used })).toEqual({ ok: false, reason: 'forged' })
    expect(await consumeOAuthState({ secret, state: 'abc', returnTo, now, used })).toEqual({ ok: false, reason: 'malformed' })
    expect(await consumeOAuthState({ secret, state: null, returnTo, now, used })).toEqual({ ok: false, reason: 'malformed' })
    // The untouched state still works: failed attempts do not burn it.
    expect(await consumeOAuthState({ secret, state, returnTo, now, used })).toEqual({ ok: true, returnTo: '/o/123' })
  })

  it('expires after the TTL', async () => {
    const used = createMemoryUsedStateStore(() => now)
    const { state, returnTo } = createOAuthState({ secret, returnTo: '/', now })
    expect(await consumeOAuthState({ secret, state, returnTo, now: now + OAUTH_STATE_TTL_MS + 1000, used })).toEqual({ ok: false, reason: 'expired' })
  })

  it('an unsafe return path is replaced by / when the state is created', () => {
    expect(createOAuthState({ secret, returnTo: '//evil.com', now }).returnTo).toBe('/')
  })
})

describe('safeReturnPath', () => {
  it.each([
    ['//evil.com', '/'],
    ['/\\evil.com', '/'],
    ['\\\\evil.com', '/'],
    ['/\t/evil.com', '/'],
    ['/\n/evil.com', '/'],
    ['https://evil.com/x', '/'],
    ['http:/evil.com', '/'],
    ['javascript:alert(1)', '/'],
    ['JaVaScRiPt:alert(1)', '/'],
    ['data:text/html,x', '/'],
    [' /p/x', '/'],
    ['p/x', '/'],
    ['', '/'],
    ['/%2F%2Fevil.com', '/%2F%2Fevil.com'],
    ['/p/tea?from=qr#buy', '/p/tea?from=qr#buy'],
    ['/a/../p/x', '/p/x'],
    ['/o/123', '/o/123'],
  ])('%j → %j', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected)
  })
  it('rejects non-strings and uses the fallback', () => {
    expect(safeReturnPath(undefined, '/home')).toBe('/home')
    expect(safeReturnPath(['/x'])).toBe('/')
  })
})

describe('buildAuthorizeUrl (§2.1)', () => {
  it('has the exact shape with an encoded redirect_uri and #wechat_redirect', () => {
    const redirectUri = buildOAuthRedirectUri('https://shop.example.com/api/wechat/oauth/callback', '/p/tea?b=1')
    expect(
      buildAuthorizeUrl({ appId: 'wx520c15f417810387', redirectUri, scope: 'snsapi_base', state: 'abc123', authorizeBase: 'https://open.weixin.qq.com' }),
    ).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx520c15f417810387&redirect_uri=https%3A%2F%2Fshop.example.com%2Fapi%2Fwechat%2Foauth%2Fcallback%3Fnext%3D%252Fp%252Ftea%253Fb%253D1&response_type=code&scope=snsapi_base&state=abc123#wechat_redirect',
    )
  })
  it('refuses a state WeChat would reject', () => {
    expect(() => buildAuthorizeUrl({ appId: 'wx1', redirectUri: 'https://x.cn', scope: 'snsapi_userinfo', state: 'a-b' })).toThrow(/state/)
  })
})
