import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, serveFetchHandler } from '@/sandbox/http'
import { createEmulatorClock, fakeGif, fakeJpeg, fakePng, startEmulator } from '@/sandbox/wechat-oa'
import type { DraftArticle } from '@/wechat/oa'
import {
  type CallbackMessage,
  createMemoryTokenCache,
  createOfficialAccountClient,
  DraftValidationError,
  parseCallbackXml,
  verifyCallbackSignature,
  WechatApiError,
  withRetry,
} from '@/wechat/oa'

const APP = { appId: 'wxservice0000001', appSecret: 'secret-service' }
const SUB = { appId: 'wxpersonal000002', appSecret: 'secret-personal' }
const CALLBACK_TOKEN = 'cbToken123'

let env: Awaited<ReturnType<typeof startEmulator>>
let receiver: RunningServer
const received: CallbackMessage[] = []
const rejected: string[] = []
const clock = createEmulatorClock({ start: Date.UTC(2026, 2, 2, 1, 0, 0) })

const client = (app = APP, extra: Partial<Parameters<typeof createOfficialAccountClient>[0]> = {}) =>
  createOfficialAccountClient({ apiBase: env.apiBase, ...app, clock, tokenCache: createMemoryTokenCache(clock), ...extra })

const errcodeOf = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    if (error instanceof WechatApiError) return error.errcode
    throw error
  }
  throw new Error('expected a WechatApiError')
}

beforeAll(async () => {
  // Our side of §1.11: verify the query signature, parse, answer `success`.
  receiver = await serveFetchHandler(async (request) => {
    const url = new URL(request.url)
    const q = url.searchParams
    const ok = verifyCallbackSignature({ token: CALLBACK_TOKEN, timestamp: q.get('timestamp'), nonce: q.get('nonce'), signature: q.get('signature') })
    if (!ok) {
      rejected.push(await request.text())
      return new Response('bad signature', { status: 403 })
    }
    if (request.method === 'GET') return new Response(q.get('echostr') ?? '')
    received.push(parseCallbackXml(await request.text()))
    return new Response('success')
  })
  env = await startEmulator({
    basePath: '/sandbox/wechat',
    clock,
    accounts: [
      { ...APP, type: 'service', callback: { url: `${receiver.url}/wechat/callback`, token: CALLBACK_TOKEN } },
      { ...SUB, type: 'personal' },
    ],
  })
})

afterAll(async () => {
  await env.server.close()
  await receiver.close()
})

async function coverFor(c: ReturnType<typeof client>) {
  return (await c.addMaterial('image', { data: fakeJpeg(2048), filename: 'cover.jpg', contentType: 'image/jpeg' })).media_id
}

describe('access token', () => {
  it('single-flight: 20 concurrent calls share one stable_token issue', async () => {
    const before = env.emulator.stats.tokensIssued
    const c = client()
    const results = await Promise.all(Array.from({ length: 20 }, () => c.draft.count()))
    expect(results.every((n) => typeof n === 'number')).toBe(true)
    expect(env.emulator.stats.tokensIssued - before).toBe(1)
  })

  it('refreshes inside the margin before expiry, without a failed call', async () => {
    const c = client()
    const first = await c.getAccessToken()
    clock.advance(7200_000 - 299_000) // inside the 300 s margin; the platform rotates at T−300 s
    const second = await c.getAccessToken()
    expect(second).not.toBe(first)
    expect(typeof (await c.draft.count())).toBe('number')
  })

  it('recovers when the token expires mid-sequence (42001)', async () => {
    const cache = createMemoryTokenCache(clock)
    const c = createOfficialAccountClient({ apiBase: env.apiBase, ...APP, clock, tokenCache: cache })
    await c.draft.count()
    const token = await c.getAccessToken()
    // A shared cache whose TTL drifted past the real expiry still hands out the expired token.
    await cache.set(`wechat:access_token:${APP.appId}`, token, 99_999)
    clock.advance(7300_000)
    const issued = env.emulator.stats.tokensIssued
    const seen: number[] = []
    const spy = createOfficialAccountClient({
      apiBase: env.apiBase,
      ...APP,
      clock,
      tokenCache: cache,
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        const body = (await response.clone().json()) as { errcode?: number }
        seen.push(body.errcode ?? 0)
        return response
      },
    })
    expect(typeof (await spy.draft.count())).toBe('number')
    expect(seen).toEqual([42001, 0, 0]) // failed call, stable_token, retried call
    expect(env.emulator.stats.tokensIssued - issued).toBe(1)
    expect(await spy.getAccessToken()).not.toBe(token)
  })

  it('recovers from 40001 (token revoked) by a forced refresh, once', async () => {
    const c = client()
    const token = await c.getAccessToken()
    env.emulator.tokens.revoke(token)
    expect(typeof (await c.draft.count())).toBe('number')
    const fresh = await c.getAccessToken()
    expect(fresh).not.toBe(token)
    // The retry happens once only: revoke the new token as well on every call and the error surfaces.
    const revoking = createOfficialAccountClient({
      apiBase: env.apiBase,
      ...APP,
      clock,
      fetch: async (input, init) => {
        const t = new URL(input).searchParams.get('access_token')
        if (t) env.emulator.tokens.revoke(t)
        return fetch(input, init)
      },
    })
    expect(await errcodeOf(revoking.draft.count())).toBe(40001)
  })

  it('recovers from 40014 (malformed token in a shared cache)', async () => {
    const cache = createMemoryTokenCache(clock)
    await cache.set(`wechat:access_token:${APP.appId}`, 'garbage', 3600)
    const c = createOfficialAccountClient({ apiBase: env.apiBase, ...APP, clock, tokenCache: cache })
    expect(typeof (await c.draft.count())).toBe('number')
    expect(await c.getAccessToken()).not.toBe('garbage')
  })

  it('token errors from the emulator: wrong secret, unknown appid, IP whitelist', async () => {
    expect(await errcodeOf(client({ ...APP, appSecret: 'wrong' }).getAccessToken())).toBe(40125)
    expect(await errcodeOf(client({ appId: 'wxnope', appSecret: 'x' }).getAccessToken())).toBe(40013)
    env.emulator.accounts.get(APP.appId).ipWhitelist = ['10.1.2.3']
    try {
      const error = await client()
        .getAccessToken()
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(WechatApiError)
      expect((error as WechatApiError).errcode).toBe(40164)
      expect((error as WechatApiError).messageZh).toContain('IP 白名单')
      expect((error as WechatApiError).retryable).toBe(false)
    } finally {
      env.emulator.accounts.get(APP.appId).ipWhitelist = null
    }
  })
})

describe('media', () => {
  it('uploadimg accepts JPEG/PNG < 1 MB and returns an mmbiz URL', async () => {
    const { url } = await client().uploadImage({ data: fakePng(1000), filename: 'a.png', contentType: 'image/png' })
    expect(url).toMatch(/^http:\/\/mmbiz\.qpic\.cn\/sz_mmbiz_png\/.+\?wx_fmt=png$/)
  })

  it('uploadimg rejects ≥ 1 MB (40009), non-images, GIF and mismatched extensions (40005)', async () => {
    const c = client()
    expect(await errcodeOf(c.uploadImage({ data: fakeJpeg(1024 * 1024), filename: 'big.jpg' }))).toBe(40009)
    expect((await c.uploadImage({ data: fakeJpeg(1024 * 1024 - 1), filename: 'edge.jpg' })).url).toContain('wx_fmt=jpeg')
    expect(await errcodeOf(c.uploadImage({ data: new TextEncoder().encode('hello'), filename: 'a.txt' }))).toBe(40005)
    expect(await errcodeOf(c.uploadImage({ data: fakeGif(), filename: 'a.gif' }))).toBe(40005)
    expect(await errcodeOf(c.uploadImage({ data: fakePng(), filename: 'a.jpg' }))).toBe(40005)
    const missing = await c.call('/cgi-bin/media/uploadimg', { form: () => new FormData() }).catch((e: unknown) => e)
    expect((missing as WechatApiError).errcode).toBe(41005)
  })

  it('add_material: thumb must be JPG ≤ 64 KB, image ≤ 10 MB, type must be valid', async () => {
    const c = client()
    const image = await c.addMaterial('image', { data: fakePng(), filename: 'c.png' })
    expect(image.media_id).toBeTruthy()
    expect(image.url).toMatch(/^http:\/\/mmbiz\.qpic\.cn\//)
    expect((await c.addMaterial('thumb', { data: fakeJpeg(64 * 1024), filename: 't.jpg' })).media_id).toBeTruthy()
    expect(await errcodeOf(c.addMaterial('thumb', { data: fakeJpeg(64 * 1024 + 1), filename: 't.jpg' }))).toBe(40012)
    expect(await errcodeOf(c.addMaterial('thumb', { data: fakePng(), filename: 't.png' }))).toBe(40005)
    expect(await errcodeOf(c.addMaterial('image', { data: fakeJpeg(10 * 1024 * 1024 + 1), filename: 'huge.jpg' }))).toBe(40009)
    expect(await errcodeOf(c.call('/cgi-bin/material/add_material', { query: { type: 'news' }, form: () => new FormData() }))).toBe(40004)
  })
})

describe('drafts', () => {
  it('add → get → update round-trip, with the draft-box sanitising', async () => {
    const c = client()
    const thumb = await coverFor(c)
    const { url: img } = await c.uploadImage({ data: fakePng(), filename: 'body.png' })
    const article: DraftArticle = {
      title: '春季新品：明前龙井',
      author: '茶小二',
      digest: '今年的第一批明前茶',
      content:
        `<section id="top" class="x" style="color:#333"><p onclick="steal()">好茶<script>alert(1)</script></p>` +
        `<style>p{color:red}</style><img src="${img}"><img src="https://cdn.example.com/x.png">` +
        `<a href="https://evil.example.com">外链</a><a href="https://mp.weixin.qq.com/s/abc">往期</a></section>`,
      content_source_url: 'https://shop.example.com/p/longjing',
      thumb_media_id: thumb,
      need_open_comment: 1,
    }
    const { media_id } = await c.draft.add([article])
    const stored = (await c.draft.get(media_id)).news_item[0]
    expect(stored.title).toBe(article.title)
    expect(stored.thumb_media_id).toBe(thumb)
    expect(stored.url).toMatch(/^http:\/\/mp\.weixin\.qq\.com\/s\?/)
    expect(stored.content).not.toMatch(/script|alert|onclick|<style|id="top"|class="x"|cdn\.example\.com|evil\.example\.com/)
    expect(stored.content).toContain(`src="${img}"`)
    expect(stored.content).toContain('style="color:#333"')
    expect(stored.content).toContain('<a href="https://mp.weixin.qq.com/s/abc">往期</a>')
    expect(stored.content).toContain('外链')

    await c.draft.update(media_id, 0, { ...article, title: '改过的标题', content: '<p>新正文</p>' })
    const updated = (await c.draft.get(media_id)).news_item[0]
    expect(updated.title).toBe('改过的标题')
    expect(updated.content).toBe('<p>新正文</p>')
    expect(await errcodeOf(c.draft.update(media_id, 1, article))).toBe(40114)
    expect((await c.draft.batchGet({ count: 20 })).item.some((i) => i.media_id === media_id)).toBe(true)

    await c.draft.delete(media_id)
    expect(await errcodeOf(c.draft.get(media_id))).toBe(40007)
  })

  it('client validation stops over-limit articles before any request', async () => {
    let calls = 0
    const c = client(APP, { fetch: (input, init) => (calls++, fetch(input, init)) })
    await expect(c.draft.add([{ title: '标'.repeat(33), content: '<p>x</p>', thumb_media_id: 'T' }])).rejects.toBeInstanceOf(DraftValidationError)
    expect(calls).toBe(0)
  })

  it('emulator enforces every field limit with the real errcodes (client validation off)', async () => {
    const c = client(APP, { validateDrafts: false })
    const thumb = await coverFor(c)
    const ok: DraftArticle = { title: '标题', content: '<p>正文</p>', thumb_media_id: thumb }
    const cases: [Partial<DraftArticle>, number][] = [
      [{ title: '' }, 45003],
      [{ title: 'a'.repeat(33) }, 45003],
      [{ title: '中'.repeat(22) }, 45003],
      [{ author: '一二三四五六七八九' }, 45110],
      [{ digest: '字'.repeat(121) }, 45004],
      [{ content: 'x'.repeat(20_000) }, 45002],
      [{ content_source_url: 'ftp://x' }, 41039],
      [{ content_source_url: `https://x.cn/${'a'.repeat(1024)}` }, 41039],
      [{ thumb_media_id: undefined }, 40007],
      [{ thumb_media_id: 'unknown' }, 40007],
    ]
    for (const [patch, code] of cases) expect([patch, await errcodeOf(c.draft.add([{ ...ok, ...patch }]))]).toEqual([patch, code])
    expect((await c.draft.add([{ ...ok, title: '中'.repeat(21), author: '一二三四五六七八', digest: '字'.repeat(120) }])).media_id).toBeTruthy()
    const { media_id } = await c.draft.add([ok])
    expect(await errcodeOf(c.draft.update(media_id, 0, { ...ok, thumb_media_id: undefined }))).toBe(40007)
    expect(await errcodeOf(c.call('/cgi-bin/draft/update', { json: { media_id, index: 0, articles: [ok] } }))).toBe(47001)
  })

  it('measures the raw JSON text: a \\u-escaped short title fails (§1.0)', async () => {
    const token = await client().getAccessToken()
    const thumb = await coverFor(client())
    const title = '春季新品明前龙井上市' // 10 characters, 30 bytes raw; 60 characters escaped
    const escaped = JSON.stringify({ articles: [{ title, content: '<p>x</p>', thumb_media_id: thumb }] }).replace(
      /[\u4e00-\u9fff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16)}`,
    )
    const post = (body: string) =>
      fetch(`${env.apiBase}/cgi-bin/draft/add?access_token=${token}`, { method: 'POST', body }).then((r) => r.json() as Promise<{ errcode?: number }>)
    expect((await post(escaped)).errcode).toBe(45003)
    expect((await post(JSON.stringify({ articles: [{ title, content: '<p>x</p>', thumb_media_id: thumb }] }))).errcode).toBeUndefined()
  })

  it('common checks: GET on POST endpoint, empty body, bad JSON', async () => {
    const token = await client().getAccessToken()
    const url = `${env.apiBase}/cgi-bin/draft/add?access_token=${token}`
    const code = (r: Response) => r.json().then((b) => (b as { errcode: number }).errcode)
    expect(await code(await fetch(url))).toBe(43002)
    expect(await code(await fetch(url, { method: 'POST', body: '' }))).toBe(44002)
    expect(await code(await fetch(url, { method: 'POST', body: '{nope' }))).toBe(47001)
    expect(await code(await fetch(`${env.apiBase}/cgi-bin/draft/count`))).toBe(41001)
  })
})

describe('publishing', () => {
  it('success: job 1 → 0, draft leaves the box, signed PUBLISHJOBFINISH reaches our callback', async () => {
    const c = client()
    const { media_id } = await c.draft.add([{ title: '发布测试', content: '<p>x</p>', thumb_media_id: await coverFor(c) }])
    const { publish_id } = await c.publish.submit(media_id)
    expect(publish_id).toMatch(/^\d+$/)
    expect((await c.publish.get(publish_id)).publish_status).toBe(1)
    expect(await errcodeOf(c.draft.get(media_id))).toBe(40007)
    clock.advance(2_000)
    await env.emulator.idle()
    const done = await c.publish.get(publish_id)
    expect(done.publish_status).toBe(0)
    expect(done.article_detail?.item[0]).toMatchObject({ idx: 1, article_url: expect.stringMatching(/^http:\/\/mp\.weixin\.qq\.com\/s\//) })
    const event = received.find((e) => e.type === 'PUBLISHJOBFINISH' && e.publishId === publish_id)
    expect(event).toMatchObject({ publishStatus: 0, articleId: done.article_id })
  })

  it('scripted failure: status 4 with fail_idx, and a submit error 53503', async () => {
    const c = client()
    const cover = await coverFor(c)
    env.emulator.scripts.publish.push({ status: 4, failIdx: [2] }, { errcode: 53503 })
    const a = await c.draft.add([
      { title: '一', content: '<p>1</p>', thumb_media_id: cover },
      { title: '二', content: '<p>2</p>', thumb_media_id: cover },
    ])
    const { publish_id } = await c.publish.submit(a.media_id)
    clock.advance(2_000)
    await env.emulator.idle()
    const failed = await c.publish.get(publish_id)
    expect(failed).toMatchObject({ publish_status: 4, fail_idx: [2] })
    expect(failed.article_id).toBeUndefined()
    expect(failed.article_detail).toBeUndefined()
    expect(received.find((e) => e.type === 'PUBLISHJOBFINISH' && e.publishId === publish_id)).toMatchObject({ publishStatus: 4, failIdx: [2] })
    const b = await c.draft.add([{ title: '三', content: '<p>3</p>', thumb_media_id: cover }])
    const error = (await c.publish.submit(b.media_id).catch((e: unknown) => e)) as WechatApiError
    expect(error.errcode).toBe(53503)
    expect(error.messageZh).toContain('发布检查')
    expect(await errcodeOf(c.publish.get('999'))).toBe(40002)
  })

  it('personal / unverified accounts get 48001 with an actionable Chinese message', async () => {
    const c = client(SUB)
    const { media_id } = await c.draft.add([{ title: '个人号', content: '<p>x</p>', thumb_media_id: await coverFor(c) }])
    const error = (await c.publish.submit(media_id).catch((e: unknown) => e)) as WechatApiError
    expect(error.errcode).toBe(48001)
    expect(error.messageZh).toContain('手动发表')
    expect((await c.draft.get(media_id)).news_item).toHaveLength(1) // the draft stays for manual publishing
  })
})

describe('callbacks', () => {
  it('GET verification echoes; a forged signature is rejected by our handler', async () => {
    expect(await env.emulator.verifyCallbackUrl(APP.appId)).toBe(true)
    const before = received.length
    const delivery = env.emulator.pushEvent(
      APP.appId,
      { ToUserName: 'gh', FromUserName: 'o1', CreateTime: 1, MsgType: 'event', Event: 'subscribe', EventKey: '' },
      { forgeSignature: true },
    )
    await env.emulator.idle()
    expect(delivery).toMatchObject({ delivered: false, attempts: 3, lastStatus: 403 })
    expect(received.length).toBe(before)
    expect(rejected.length).toBeGreaterThanOrEqual(3)
  })
})

describe('fault mode', () => {
  it('30% transient faults (seeded): a retry wrapper still completes the whole publish flow', async () => {
    env.emulator.faults.configure({ rate: 0.3, seed: 42 })
    try {
      const c = client()
      const retry = <T>(fn: () => Promise<T>) => withRetry(fn, { attempts: 10, sleep: async () => {} })
      const cover = await retry(() => coverFor(c))
      const ids: string[] = []
      for (let i = 0; i < 6; i++) {
        const { media_id } = await retry(() => c.draft.add([{ title: `重试 ${i}`, content: '<p>x</p>', thumb_media_id: cover }]))
        expect((await retry(() => c.draft.get(media_id))).news_item[0].title).toBe(`重试 ${i}`)
        ids.push(media_id)
      }
      expect(ids).toHaveLength(6)
      const injected = env.emulator.faults.injected.length
      expect(injected).toBeGreaterThan(3)
      expect(new Set(env.emulator.faults.injected.map((f) => f.kind))).toEqual(new Set(['system_error', 'http_502', 'drop']))
      // Without the wrapper the same faults surface as typed, retryable errors.
      const errors: WechatApiError[] = []
      for (let i = 0; i < 20; i++) await c.draft.count().catch((e: WechatApiError) => errors.push(e))
      expect(errors.length).toBeGreaterThan(0)
      expect(errors.every((e) => e instanceof WechatApiError && e.retryable)).toBe(true)
    } finally {
      env.emulator.faults.disable()
    }
  })

  it('is reproducible from the seed', async () => {
    const run = async () => {
      env.emulator.faults.configure({ rate: 0.5, seed: 7, kinds: ['system_error', 'daily_quota'] })
      const c = client()
      await c.getAccessToken().catch(() => undefined)
      const codes: number[] = []
      for (let i = 0; i < 12; i++)
        codes.push(
          await c.draft.count().then(
            () => 0,
            (e: WechatApiError) => e.errcode,
          ),
        )
      env.emulator.faults.disable()
      return codes
    }
    const first = await run()
    expect(first).toContain(45009)
    expect(await run()).toEqual(first)
  })
})
