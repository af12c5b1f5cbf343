// Reader identity and sharing endpoints against the OA emulator: web OAuth start/callback (code exchange,
// expired/reused code, forged/replayed state, open redirects, snapshot users) and the JS-SDK wx.config signature.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Customer, WechatAccount } from '@/payload-types'
import { READER_COOKIE, readerCookie, readerFromHeaders } from '@/platform/reader'
import { createEmulatorClock, startEmulator } from '@/sandbox/wechat-oa'
import { publishingRuntime } from '@/wechat/account/runtime'
import { identityRuntime } from '@/wechat/identity/runtime'
import { jsapiSignature } from '@/wechat/web'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { call, makeArticle } from './funnelBed'

const WECHAT_UA = 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 MicroMessenger/8.0.50 NetType/WIFI'
const APP_A = 'wx00000000000a0001'
const APP_B = 'wx00000000000b0002'
const clock = createEmulatorClock({ start: Date.now() })
let env: Awaited<ReturnType<typeof startEmulator>>
let payload: Payload
let w: World
let article: Article
let accountB: WechatAccount

const customers = async () => (await payload.find({ collection: 'customers', pagination: false, depth: 0 })).docs as Customer[]

/** Our start endpoint → the emulator's authorize page → the callback URL WeChat would send the reader to. */
async function authorize(returnTo: string, opts: { scope?: 'userinfo'; extra?: string; brand?: string } = {}) {
  const q = new URLSearchParams({ returnTo, ...(opts.scope ? { scope: opts.scope } : {}), ...(opts.brand ? { brand: opts.brand } : {}) })
  const start = await call(`/api/wechat/oauth/start?${q}`, { headers: { 'user-agent': WECHAT_UA } })
  expect(start.status).toBe(302)
  const authorizeUrl = start.headers.get('location')!
  const res = await fetch(authorizeUrl.replace('#wechat_redirect', '') + (opts.extra ?? ''), { redirect: 'manual' })
  return { authorizeUrl, status: res.status, callback: res.headers.get('location') }
}

beforeAll(async () => {
  env = await startEmulator({
    basePath: '/sandbox/wechat',
    clock,
    accounts: [
      {
        appId: APP_A,
        appSecret: 'secret-a',
        openPlatformBound: true,
        users: [
          { openid: 'o_reader', subscribed: true, unionid: 'u_reader', nickname: '茶友小林' },
          { openid: 'o_snapshot', subscribed: false, snapshot: true },
        ],
      },
      { appId: APP_B, appSecret: 'secret-b' },
    ],
  })
  publishingRuntime.apiBase = env.apiBase
  payload = await bootPayload()
  w = await makeWorld(payload)
  article = await makeArticle(payload, w.brandA.id, '读者识别', [w.productA.id])
  const account = (appId: string, secret: string, brand: string) =>
    payload.create({
      collection: 'wechat-accounts',
      data: { name: `服务号 ${appId.slice(-4)}`, appId, appSecret: secret, accountType: 'service', verified: true, brand } as never,
    }) as Promise<WechatAccount>
  await account(APP_A, 'secret-a', w.brandA.id)
  accountB = await account(APP_B, 'secret-b', w.brandB.id)
})
afterAll(async () => {
  publishingRuntime.apiBase = undefined
  env?.server.close()
  await shutdown(payload)
})

describe('web OAuth', () => {
  it('snsapi_base: start → authorize → callback recognises the reader silently and stores a customer', async () => {
    const returnTo = `/p/${w.productA.slug}?from=${article.id}&b=0`
    const { authorizeUrl, status, callback } = await authorize(returnTo)
    const url = new URL(authorizeUrl)
    expect(`${url.origin}${url.pathname}`).toBe(`${env.apiBase}/connect/oauth2/authorize`)
    expect(url.searchParams.get('appid')).toBe(APP_A) // brand A's account, found from the product page
    expect(url.searchParams.get('scope')).toBe('snsapi_base')
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9]{1,128}$/)
    expect(url.hash).toBe('#wechat_redirect')
    expect(status).toBe(302)

    const res = await call(callback!)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(returnTo)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(new RegExp(`^${READER_COOKIE}=`))
    expect(cookie).toContain('HttpOnly')
    const [customer] = await customers()
    expect(customer).toMatchObject({ openid: 'o_reader', appId: APP_A, scope: 'snsapi_base', brand: w.brandA.id, firstSeenArticle: article.id })
    expect(customer.unionid ?? undefined).toBeUndefined() // base scope carries no unionid
    expect(readerFromHeaders(new Headers({ cookie: cookie.split(';')[0] }))).toEqual({ customerId: customer.id })
    expect(readerFromHeaders(new Headers({ cookie: cookie.split(';')[0].replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }))).toBeUndefined()

    // The very same callback again (reload, or an attacker replaying it): state already used → 400, nothing new.
    const replay = await call(callback!)
    expect(replay.status).toBe(400)
    expect(replay.headers.get('location')).toBeNull()
    expect(await customers()).toHaveLength(1)
  })

  it('a reused code (40163) or an expired one (40029) leaves the reader a guest', async () => {
    const first = await authorize('/a/whatever', { brand: w.brandA.id })
    const usedCode = new URL(first.callback!).searchParams.get('code')!
    await call(first.callback!) // consumes the code
    const second = await authorize(`/p/${w.productA.slug}`)
    const reused = new URL(second.callback!)
    reused.searchParams.set('code', usedCode)
    const res = await call(reused.toString())
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`/p/${w.productA.slug}`)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(res.headers.get('x-tuiwen-reader')).toBe('guest')

    const third = await authorize(`/p/${w.productA.slug}`)
    clock.advance(301_000) // codes live 5 minutes
    const expired = await call(third.callback!)
    expect(expired.status).toBe(302)
    expect(expired.headers.get('set-cookie')).toBeNull()
    expect(expired.headers.get('x-tuiwen-reader')).toBe('guest')
  })

  it('forged state, a swapped account or a tampered return path are rejected without redirecting', async () => {
    const { callback } = await authorize(`/p/${w.productA.slug}`)
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0')
    const tamper = (fn: (u: URL) => void) => {
      const u = new URL(callback!)
      fn(u)
      return call(u.toString())
    }
    for (const res of [
      await tamper((u) => u.searchParams.set('state', flip(u.searchParams.get('state')!))),
      await tamper((u) => u.searchParams.set('state', 'abc')),
      await tamper((u) => u.searchParams.delete('state')),
      await tamper((u) => u.searchParams.set('acc', accountB.id)),
      await tamper((u) => u.searchParams.set('acc', 'nope')),
      await tamper((u) => u.searchParams.set('next', '//evil.example/steal')),
      await tamper((u) => u.searchParams.set('next', '/admin')),
    ]) {
      expect(res.status).toBe(400)
      expect(res.headers.get('location')).toBeNull()
      expect(res.headers.get('set-cookie')).toBeNull()
    }
    // The untouched callback still works: failed attempts do not burn the state.
    const ok = await call(callback!)
    expect(ok.status).toBe(302)
  })

  it.each([['//evil.example/x'], ['https://evil.example/x'], ['/\\evil.example'], ['javascript:alert(1)'], ['/%0a/evil.example']])(
    'open redirect attempt %j ends on our own path',
    async (returnTo) => {
      const start = await call(`/api/wechat/oauth/start?returnTo=${encodeURIComponent(returnTo)}&brand=${w.brandA.id}`, {
        headers: { 'user-agent': WECHAT_UA },
      })
      const location = start.headers.get('location')!
      const redirectUri = new URL(new URL(location).searchParams.get('redirect_uri')!)
      expect(redirectUri.origin).toBe('http://localhost:3000')
      const next = redirectUri.searchParams.get('next')!
      expect(next.startsWith('/') && !next.startsWith('//')).toBe(true)
      expect(new URL(next, 'http://localhost:3000').origin).toBe('http://localhost:3000')
      expect(next).not.toMatch(/^\/[\\/]|:/)
    },
  )

  it('outside WeChat, or for a brand without an account, the reader goes straight back as a guest', async () => {
    const chrome = await call(`/api/wechat/oauth/start?returnTo=${encodeURIComponent(`/p/${w.productA.slug}`)}`, {
      headers: { 'user-agent': 'Mozilla/5.0 Chrome/130' },
    })
    expect(chrome.status).toBe(302)
    expect(chrome.headers.get('location')).toBe(`/p/${w.productA.slug}`)
    const noAccount = await call(`/api/wechat/oauth/start?returnTo=%2F&brand=unknown-brand`, { headers: { 'user-agent': WECHAT_UA } })
    expect(noAccount.headers.get('location')).toBe('/')
  })

  it('snsapi_userinfo stores nickname and unionid; a denial and a snapshot user store nothing', async () => {
    const before = (await customers()).length
    const denied = await authorize(`/a/${article.slug}`, { scope: 'userinfo', extra: '&emu_decision=deny' })
    const deniedRes = await call(denied.callback!)
    expect(deniedRes.headers.get('x-tuiwen-reader')).toBe('guest')
    const snapshot = await authorize(`/a/${article.slug}`, { extra: '&emu_openid=o_snapshot' })
    expect((await call(snapshot.callback!)).headers.get('x-tuiwen-reader')).toBe('snapshot')
    expect(await customers()).toHaveLength(before)

    const allowed = await authorize(`/a/${article.slug}`, { scope: 'userinfo', extra: '&emu_decision=allow' })
    const res = await call(allowed.callback!)
    expect(res.headers.get('x-tuiwen-reader')).toBe('recognised')
    const all = await customers()
    expect(all).toHaveLength(before) // same openid: updated, not duplicated
    expect(all.find((c) => c.openid === 'o_reader')).toMatchObject({ nickname: '茶友小林', unionid: 'u_reader', scope: 'snsapi_userinfo' })
  })
})

describe('GET /api/wechat/jssdk-config', () => {
  const OFFICIAL_TICKET = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'

  it('reproduces both official test vectors (wechat-api.md §3.2)', async () => {
    const saved = { ...identityRuntime }
    const origin = process.env.NEXT_PUBLIC_SERVER_URL
    process.env.NEXT_PUBLIC_SERVER_URL = 'http://mp.weixin.qq.com'
    Object.assign(identityRuntime, { ticketFor: async () => OFFICIAL_TICKET, nonce: () => 'Wm3WZYTPz0wzccnW', now: () => 1414587457_000 })
    try {
      const get = (url: string) => call(`/api/wechat/jssdk-config?url=${encodeURIComponent(url)}&brand=${w.brandA.id}`).then((r) => r.json())
      expect(await get('http://mp.weixin.qq.com?params=value')).toMatchObject({
        appId: APP_A,
        timestamp: 1414587457,
        nonceStr: 'Wm3WZYTPz0wzccnW',
        signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
      })
      expect((await get('http://mp.weixin.qq.com')).signature).toBe('f4d90daf4b3bca3078ab155816175ba34c443a7b')
      expect((await get('http://mp.weixin.qq.com?params=value#share')).signature).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
    } finally {
      Object.assign(identityRuntime, saved, { ticketFor: undefined, nonce: undefined })
      if (origin === undefined) delete process.env.NEXT_PUBLIC_SERVER_URL
      else process.env.NEXT_PUBLIC_SERVER_URL = origin
    }
  })

  it('signs with the emulator ticket, cached across calls; the account follows the page', async () => {
    const before = env.emulator.stats.ticketCalls
    const pageUrl = `http://localhost:3000/p/${w.productA.slug}?from=${article.id}&b=0&sharer=c1`
    const res = await call(`/api/wechat/jssdk-config?url=${encodeURIComponent(pageUrl)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const config = await res.json()
    expect(config.appId).toBe(APP_A)
    expect(config.jsApiList).toEqual(['updateAppMessageShareData', 'updateTimelineShareData'])
    const ticket = [...env.emulator.state.jsTickets.values()].find((t) => t.appId === APP_A)!.ticket
    expect(config.signature).toBe(jsapiSignature({ ticket, nonceStr: config.nonceStr, timestamp: config.timestamp, url: pageUrl }))
    await call(`/api/wechat/jssdk-config?url=${encodeURIComponent(pageUrl)}`)
    expect(env.emulator.stats.ticketCalls - before).toBe(1)
  })

  it('names the recognised reader as the sharer of the card, and nobody for guests', async () => {
    const pageUrl = `http://localhost:3000/p/${w.productA.slug}`
    const cookie = readerCookie('reader-77', Date.now(), false).split(';')[0]
    const recognised = await (await call(`/api/wechat/jssdk-config?url=${encodeURIComponent(pageUrl)}`, { headers: { cookie } })).json()
    expect(recognised.sharer).toBe('reader-77')
    const guest = await (await call(`/api/wechat/jssdk-config?url=${encodeURIComponent(pageUrl)}`)).json()
    expect(guest.sharer).toBeUndefined()
    const forged = await (
      await call(`/api/wechat/jssdk-config?url=${encodeURIComponent(pageUrl)}`, { headers: { cookie: cookie.replace('reader-77', 'reader-78') } })
    ).json()
    expect(forged.sharer).toBeUndefined()
  })

  it('refuses URLs of other sites and pages without an account', async () => {
    for (const query of [`?url=${encodeURIComponent('https://evil.example/p/x')}`, '']) {
      const res = await call(`/api/wechat/jssdk-config${query}`)
      expect(res.status).toBe(400)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect((await res.json()).error).toEqual({ code: 'INVALID_QUERY', message: 'url must be a page of this site', field: 'url' })
    }
    const noAccount = await call(`/api/wechat/jssdk-config?url=${encodeURIComponent('http://localhost:3000/about')}`)
    expect(noAccount.status).toBe(404)
    expect(noAccount.headers.get('cache-control')).toBe('no-store')
    expect((await noAccount.json()).error).toEqual({ code: 'NOT_FOUND', message: 'no Official Account for this page' })
  })
})
