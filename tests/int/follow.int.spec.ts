// Follow tracking (issue 5): per-article / per-community parameterised QR codes, and the subscribe / SCAN
// callbacks pushed by the Official Account emulator, recorded as `follows` rows with the customer upserted.
import config from '@payload-config'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseScene, sceneFor } from '@/analytics/follow'
import type { Article, Community, Customer, Follow, WechatAccount } from '@/payload-types'
import { callbackRuntime } from '@/publishing/callbackRuntime'
import { type RunningServer, serveFetchHandler } from '@/sandbox/http'
import { createOfficialAccountEmulator, type OfficialAccountEmulator } from '@/sandbox/wechat-oa'
import { doc, paragraph } from '@/seed/lexical'
import { publishingRuntime } from '@/wechat/account/runtime'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'

let payload: Payload
let w: World
let emulator: OfficialAccountEmulator
let server: RunningServer
let editorA: string
let editorB: string
let acc: WechatAccount
let art: Article
let club: Community

const handlers = { GET: REST_GET(config), POST: REST_POST(config) }
const inProcessFetch = async (input: string, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init)
  const slug = new URL(input).pathname.replace(/^\/api\//, '').split('/')
  return handlers[(request.method === 'GET' ? 'GET' : 'POST') as 'GET' | 'POST'](request, { params: Promise.resolve({ slug }) })
}

const APP_ID = 'wx00000000f0110001'
const ticketOf = (url: string) => decodeURIComponent(new URL(url).searchParams.get('ticket') ?? '')
const follows = async (openid: string) =>
  (await payload.find({ collection: 'follows', where: { openid: { equals: openid } }, sort: 'at', depth: 0, overrideAccess: true })).docs as Follow[]
const customer = async (openid: string) =>
  (await payload.find({ collection: 'customers', where: { openid: { equals: openid } }, depth: 0, overrideAccess: true })).docs[0] as Customer | undefined

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  ;[editorA, editorB] = await Promise.all([login(w.editorA.email, w.password), login(w.editorB.email, w.password)])
  emulator = createOfficialAccountEmulator({ fetch: inProcessFetch })
  server = await serveFetchHandler((request) => emulator.handle(request))
  publishingRuntime.apiBase = server.url
  // Callback timestamps come from the emulator's manual clock; the ±5-minute window is checked against it.
  callbackRuntime.now = () => emulator.clock.now()
  acc = (await payload.create({
    collection: 'wechat-accounts',
    data: {
      name: '关注测试号',
      appId: APP_ID,
      appSecret: 'secret-follow',
      callbackToken: 'token-follow',
      accountType: 'service',
      verified: true,
      brand: w.brandA.id,
    },
  })) as WechatAccount
  emulator.accounts.add({
    appId: APP_ID,
    appSecret: 'secret-follow',
    type: 'service',
    callback: { url: `http://localhost/api/wechat-accounts/${acc.id}/callback`, token: 'token-follow' },
    users: [{ openid: 'oAlreadyFollowing0000000001', subscribed: true }],
  })
  art = (await payload.create({
    collection: 'articles',
    data: {
      title: '春茶上新',
      slug: `follow-${Date.now()}`,
      author: '林编辑',
      brand: w.brandA.id,
      content: doc(paragraph('正文')) as never,
      _status: 'published',
    },
  })) as Article
  club = (await payload.create({
    collection: 'communities',
    data: { name: '茶友会', slug: `club-follow-${Date.now()}`, brand: w.brandA.id, status: 'published' } as never,
  })) as Community
})
afterAll(async () => {
  await server?.close()
  await shutdown(payload)
})

describe('scene strings', () => {
  it('round-trip and stay within 64 characters', () => {
    expect(sceneFor({ kind: 'article', id: art.id })).toBe(`a:${art.id}`)
    expect(parseScene(sceneFor({ kind: 'community', id: club.id }))).toEqual({ kind: 'community', id: club.id })
    expect(parseScene('123')).toBeUndefined()
    expect(() => sceneFor({ kind: 'article', id: 'x'.repeat(70) })).toThrow()
  })
})

describe('follow QR codes and callbacks', () => {
  let articleQr: { url: string; scene: string; expiresAt: string | null }

  it('GET /api/follow-qr creates a temporary QR_STR_SCENE code for an article, cached', async () => {
    const res = await rest('GET', `/follow-qr?kind=article&id=${art.id}`, { token: editorA })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    articleQr = res.body
    expect(articleQr.scene).toBe(`a:${art.id}`)
    expect(articleQr.url).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/cgi-bin\/showqrcode\?ticket=/)
    expect(Date.parse(articleQr.expiresAt ?? '') - Date.now()).toBeGreaterThan(29 * 24 * 3600_000)
    const ticket = emulator.state.qrTickets.get(ticketOf(articleQr.url))
    expect(ticket).toMatchObject({ scene: `a:${art.id}`, permanent: false, appId: APP_ID })
    const again = await rest('GET', `/follow-qr?kind=article&id=${art.id}`, { token: editorA })
    expect(again.body.url).toBe(articleQr.url) // cached, no second qrcode/create
  })

  it('a new follower scanning the article code → follows row (subscribe) and customer with firstSeenArticle', async () => {
    emulator.qr.scan(ticketOf(articleQr.url), 'oNewFollower000000000000001')
    await emulator.idle()
    expect(emulator.callbacks.at(-1)).toMatchObject({ event: 'subscribe', delivered: true })
    const rows = await follows('oNewFollower000000000000001')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ event: 'subscribe', sceneKind: 'article', article: art.id, account: acc.id, brand: w.brandA.id, scene: `a:${art.id}` })
    const c = await customer('oNewFollower000000000000001')
    expect(c).toMatchObject({ appId: APP_ID, firstSeenArticle: art.id, brand: w.brandA.id })
  })

  it('the same follower scanning again → event scan; a replayed callback adds nothing', async () => {
    emulator.clock.advance(5_000)
    emulator.qr.scan(ticketOf(articleQr.url), 'oNewFollower000000000000001')
    await emulator.idle()
    const rows = await follows('oNewFollower000000000000001')
    expect(rows.map((r) => r.event)).toEqual(['subscribe', 'scan'])

    const last = emulator.callbacks.at(-1)!
    const url = new URL(last.url)
    for (const [k, v] of Object.entries(last.query)) url.searchParams.set(k, v)
    const replay = await inProcessFetch(url.toString(), { method: 'POST', body: last.xml })
    expect(replay.status).toBe(401) // the nonce was spent by the original delivery
    expect(await follows('oNewFollower000000000000001')).toHaveLength(2)
  })

  it('community codes are permanent; an existing follower scanning one is recorded as scan, customer upserted', async () => {
    const res = await rest('GET', `/follow-qr?kind=community&id=${club.id}`, { token: editorA })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ scene: `c:${club.id}`, expiresAt: null })
    emulator.qr.scan(ticketOf(res.body.url), 'oAlreadyFollowing0000000001')
    await emulator.idle()
    const rows = await follows('oAlreadyFollowing0000000001')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ event: 'scan', sceneKind: 'community', community: club.id })
    const c = await customer('oAlreadyFollowing0000000001')
    expect(c?.firstSeenArticle ?? null).toBeNull()
  })

  it('rejects a forged subscribe callback', async () => {
    const record = emulator.pushEvent(
      APP_ID,
      {
        ToUserName: 'gh_x',
        FromUserName: 'oForged00000000000000000001',
        CreateTime: 99,
        MsgType: 'event',
        Event: 'subscribe',
        EventKey: `qrscene_a:${art.id}`,
      },
      { forgeSignature: true },
    )
    await emulator.idle()
    expect(record).toMatchObject({ delivered: false, lastStatus: 401 })
    expect(await follows('oForged00000000000000000001')).toHaveLength(0)
  })
})

describe('access to GET /api/follow-qr', () => {
  it('another brand gets 404, anonymous 401, bad kind 400', async () => {
    const notFound = { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } }
    expect(await rest('GET', `/follow-qr?kind=article&id=${art.id}`, { token: editorB })).toMatchObject(notFound)
    expect(await rest('GET', `/follow-qr?kind=community&id=${club.id}`, { token: editorB })).toMatchObject(notFound)
    expect(await rest('GET', `/follow-qr?kind=article&id=${art.id}`)).toMatchObject({
      status: 401,
      body: { error: { code: 'LOGIN_REQUIRED', message: 'login required' } },
    })
    const badKind = await rest('GET', `/follow-qr?kind=product&id=${art.id}`, { token: editorA })
    expect(badKind).toMatchObject({ status: 400, body: { error: { code: 'INVALID_QUERY', message: 'kind must be article or community', field: 'kind' } } })
    const badId = await rest('GET', `/follow-qr?kind=article&id=${encodeURIComponent('../x')}`, { token: editorA })
    expect(badId).toMatchObject({ status: 400, body: { error: { code: 'INVALID_QUERY', message: 'malformed id', field: 'id' } } })
  })

  it('a brand without an Official Account gets 409', async () => {
    const other = (await payload.create({
      collection: 'articles',
      data: {
        title: 'B 文章',
        slug: `follow-b-${Date.now()}`,
        author: 'B',
        brand: w.brandB.id,
        content: doc(paragraph('正文')) as never,
        _status: 'published',
      },
    })) as Article
    const res = await rest('GET', `/follow-qr?kind=article&id=${other.id}`, { token: editorB })
    expect(res.status).toBe(409)
    expect(res.body.error).toEqual({ code: 'ACCOUNT_NOT_CONFIGURED', message: '该品牌尚未配置公众号 (no Official Account for this brand)' })
  })
})
