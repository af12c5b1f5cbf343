import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createEmulatorClock, startEmulator } from '@/sandbox/wechat-oa'
import { createMemoryTokenCache, createOfficialAccountClient, WechatApiError } from '@/wechat/oa'
import {
  buildAuthorizeUrl,
  buildOAuthRedirectUri,
  consumeOAuthState,
  createJsapiTicketProvider,
  createMemoryUsedStateStore,
  createOAuthState,
  createWebOAuthClient,
  jsapiSignature,
} from '@/wechat/web'

const APP = { appId: 'wxweb00000000001', appSecret: 'secret-web' }
const clock = createEmulatorClock({ start: Date.UTC(2026, 3, 1, 0, 0, 0) })
let env: Awaited<ReturnType<typeof startEmulator>>

beforeAll(async () => {
  env = await startEmulator({
    basePath: '/sandbox/wechat',
    clock,
    accounts: [
      {
        ...APP,
        oauthDomains: ['shop.example.com'],
        openPlatformBound: true,
        users: [
          { openid: 'o_reader', subscribed: true, unionid: 'u_reader', nickname: '读者' },
          { openid: 'o_snapshot', subscribed: false, snapshot: true },
        ],
      },
    ],
  })
})
afterAll(() => env.server.close())

const oauth = () => createWebOAuthClient({ ...APP, apiBase: env.apiBase })
const errcodeOf = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (e: WechatApiError) => e.errcode,
  )

/** Follows our authorize URL through the emulator and returns where it redirects. */
async function authorize(scope: 'snsapi_base' | 'snsapi_userinfo', extra = '', redirectHost = 'shop.example.com') {
  const { state, returnTo } = createOAuthState({ secret: 's', returnTo: '/p/tea', now: clock.now() })
  const redirectUri = buildOAuthRedirectUri(`https://${redirectHost}/api/wechat/oauth/callback`, returnTo)
  const url = buildAuthorizeUrl({ appId: APP.appId, redirectUri, scope, state, authorizeBase: env.apiBase })
  const response = await fetch(url.replace('#wechat_redirect', '') + extra, { redirect: 'manual' })
  return { response, state, location: response.headers.get('location') }
}

describe('web OAuth against the emulator', () => {
  it('snsapi_base: redirect carries code + state + our next; code exchange works once', async () => {
    const { response, state, location } = await authorize('snsapi_base')
    expect(response.status).toBe(302)
    const back = new URL(location ?? '')
    expect(back.host).toBe('shop.example.com')
    expect(back.searchParams.get('state')).toBe(state)
    expect(back.searchParams.get('next')).toBe('/p/tea')
    const consumed = await consumeOAuthState({
      secret: 's',
      state: back.searchParams.get('state'),
      returnTo: back.searchParams.get('next'),
      now: clock.now(),
      used: createMemoryUsedStateStore(clock.now),
    })
    expect(consumed).toEqual({ ok: true, returnTo: '/p/tea' })

    const code = back.searchParams.get('code') ?? ''
    const token = await oauth().exchangeCode(code)
    expect(token).toMatchObject({ openid: 'o_reader', scope: 'snsapi_base', expires_in: 7200 })
    expect(token.unionid).toBeUndefined() // only for snsapi_userinfo
    expect(await errcodeOf(oauth().exchangeCode(code))).toBe(40163)
    expect(await errcodeOf(oauth().getUserInfo(token.access_token, token.openid))).toBe(48001)
  })

  it('an expired or unknown code gives 40029; wrong secret 40125', async () => {
    const { location } = await authorize('snsapi_base')
    const code = new URL(location ?? '').searchParams.get('code') ?? ''
    clock.advance(300_000)
    expect(await errcodeOf(oauth().exchangeCode(code))).toBe(40029)
    expect(await errcodeOf(oauth().exchangeCode('nonexistent'))).toBe(40029)
    const wrong = createWebOAuthClient({ ...APP, appSecret: 'nope', apiBase: env.apiBase })
    expect(await errcodeOf(wrong.exchangeCode('x'))).toBe(40125)
  })

  it('snsapi_userinfo: consent page, then userinfo with unionid; deny returns state only', async () => {
    const page = await authorize('snsapi_userinfo')
    expect(page.response.status).toBe(200)
    expect(await page.response.text()).toContain('允许')
    const allowed = await authorize('snsapi_userinfo', '&emu_decision=allow')
    const code = new URL(allowed.location ?? '').searchParams.get('code') ?? ''
    const token = await oauth().exchangeCode(code)
    expect(token.unionid).toBe('u_reader')
    const info = await oauth().getUserInfo(token.access_token, token.openid)
    expect(info).toMatchObject({ openid: 'o_reader', nickname: '读者', unionid: 'u_reader' })
    expect(await errcodeOf(oauth().getUserInfo(token.access_token, 'o_other'))).toBe(40003)
    const refreshed = await oauth().refreshToken(token.refresh_token)
    expect(refreshed.access_token).not.toBe(token.access_token)
    clock.advance(7200_000)
    expect(await errcodeOf(oauth().getUserInfo(token.access_token, token.openid))).toBe(42001)

    const denied = await authorize('snsapi_userinfo', '&emu_decision=deny')
    const back = new URL(denied.location ?? '')
    expect(back.searchParams.get('code')).toBeNull()
    expect(back.searchParams.get('state')).toBe(denied.state)
  })

  it('snapshot users are flagged; foreign redirect domains get the 10003 page', async () => {
    const { location } = await authorize('snsapi_base', '&emu_openid=o_snapshot')
    const token = await oauth().exchangeCode(new URL(location ?? '').searchParams.get('code') ?? '')
    expect(token.is_snapshotuser).toBe(1)
    const evil = await authorize('snsapi_base', '', 'evil.example.com')
    expect(evil.response.status).toBe(200)
    expect(evil.response.headers.get('x-wechat-oauth-error')).toBe('10003')
    expect(evil.location).toBeNull()
  })
})

describe('jsapi_ticket', () => {
  it('is cached and single-flight; rotates with the token; signature matches §3.2', async () => {
    const client = createOfficialAccountClient({ apiBase: env.apiBase, ...APP, clock, tokenCache: createMemoryTokenCache(clock) })
    const tickets = createJsapiTicketProvider({ client, clock })
    const before = env.emulator.stats.ticketCalls
    const all = await Promise.all(Array.from({ length: 10 }, () => tickets.get()))
    expect(new Set(all).size).toBe(1)
    expect(env.emulator.stats.ticketCalls - before).toBe(1)
    const sig = jsapiSignature({ ticket: all[0], nonceStr: 'n', timestamp: 1, url: 'https://shop.example.com/p/tea?b=1#x' })
    expect(sig).toMatch(/^[0-9a-f]{40}$/)
    clock.advance(7200_000)
    const next = await tickets.get()
    expect(next).not.toBe(all[0])
    expect(await errcodeOf(client.call('/cgi-bin/ticket/getticket', { method: 'GET', query: { type: 'bogus' } }))).toBe(40097)
  })
})
