// Publishing pushes to the Official Account emulator, end to end: REST contract → jobs queue → image pipeline →
// draft box → publish / mass send / preview → signed callbacks. Manual emulator clock; no real sleeping.
import { randomBytes } from 'node:crypto'

import config from '@payload-config'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Push, WechatAccount } from '@/payload-types'
import { callbackRuntime } from '@/publishing/callbackRuntime'
import { type RunningServer, serveFetchHandler } from '@/sandbox/http'
import { createOfficialAccountEmulator, type OfficialAccountEmulator } from '@/sandbox/wechat-oa'
import { doc, heading, paragraph, productCard, upload } from '@/seed/lexical'
import { publishingRuntime } from '@/wechat/account/runtime'
import { createOfficialAccountClient } from '@/wechat/oa'
import { checkWechatHtml } from '@/wechat/render'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'

let payload: Payload
let w: World
let emulator: OfficialAccountEmulator
let server: RunningServer
let editorToken: string
/** Runs before each emulator request; lets a test act "mid-job" (e.g. expire the token). */
let onRequest: ((path: string, n: number) => void) | undefined
let requestCount = 0

const handlers = { GET: REST_GET(config), POST: REST_POST(config) }
/** The emulator's callback pushes land on our real REST handlers, in process. */
const inProcessFetch = async (input: string, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init)
  const slug = new URL(input).pathname.replace(/^\/api\//, '').split('/')
  return handlers[(request.method === 'GET' ? 'GET' : 'POST') as 'GET' | 'POST'](request, { params: Promise.resolve({ slug }) })
}

let hex = 0x1000
const appId = () => `wx${(hex++).toString(16).padStart(16, '0')}`

async function image(i: number, format: 'jpeg' | 'png' | 'webp' | 'gif', size = 64): Promise<Buffer> {
  const base = sharp({ create: { width: size, height: size, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 } } })
  return base.toFormat(format).toBuffer()
}

async function media(i: number, format: 'jpeg' | 'png' | 'webp' | 'gif' = 'jpeg', bytes?: Buffer) {
  const data = bytes ?? (await image(i, format))
  const ext = format === 'jpeg' ? 'jpg' : format
  return payload.create({
    collection: 'media',
    data: { alt: `图 ${i}`, brand: w.brandA.id },
    file: { data, mimetype: `image/${format}`, name: `img-${i}-${Date.now()}.${ext}`, size: data.length },
  })
}

let slugN = 0
async function article(title: string, imageIds: string[], opts: { cover?: string; product?: boolean; extra?: object[] } = {}) {
  const blocks = imageIds.flatMap((id, i) => [paragraph(`第 ${i + 1} 段：山野茶事的春天。`), upload(id)])
  return (await payload.create({
    collection: 'articles',
    data: {
      title,
      slug: `pub-${++slugN}-${Date.now()}`,
      author: '林编辑',
      digest: '一段摘要',
      brand: w.brandA.id,
      cover: opts.cover,
      content: doc(
        heading('h2', title),
        ...blocks,
        ...(opts.product ? [productCard(w.productA.id, 'large', '马上尝鲜')] : []),
        ...((opts.extra ?? []) as never[]),
      ) as never,
      _status: 'published',
    },
  })) as Article
}

async function account(type: 'service' | 'subscription' | 'subscription_unverified', users: { openid: string; wxname?: string }[] = []) {
  const id = appId()
  const doc = (await payload.create({
    collection: 'wechat-accounts',
    data: {
      name: `测试号 ${id.slice(-4)}`,
      appId: id,
      appSecret: `secret-${id}`,
      callbackToken: `token-${id}`,
      accountType: type === 'service' ? 'service' : 'subscription',
      verified: type !== 'subscription_unverified',
      brand: w.brandA.id,
    },
  })) as WechatAccount
  emulator.accounts.add({
    appId: id,
    appSecret: `secret-${id}`,
    type,
    callback: { url: `http://localhost/api/wechat-accounts/${doc.id}/callback`, token: `token-${id}` },
    users: users.map((u) => ({ ...u, subscribed: true })),
  })
  return doc
}

async function push(acc: WechatAccount, articles: Article[], extra: Partial<Push> = {}) {
  return (await payload.create({
    collection: 'pushes',
    data: { account: acc.id, articles: articles.map((a) => a.id), brand: w.brandA.id, ...extra } as never,
  })) as Push
}

const getPush = async (id: string) => (await rest('GET', `/pushes/${id}`, { token: editorToken })).body as Push

async function send(id: string, action: string, to?: string) {
  const res = await rest('POST', `/pushes/${id}/send`, { token: editorToken, json: { action, ...(to ? { to } : {}) } })
  expect(res.status, JSON.stringify(res.body)).toBe(202)
  expect(typeof res.body.job).toBe('string')
  await payload.jobs.run({ silent: true })
  return getPush(id)
}

const uploads = () => emulator.state.imageUrls.size
const draftsOf = (id: string) => emulator.drafts.list(id)

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  editorToken = await login(w.editorA.email, w.password)
  emulator = createOfficialAccountEmulator({ fetch: inProcessFetch, settings: { publishDelayMs: 2_000, massDelayMs: 2_000 } })
  server = await serveFetchHandler((request) => {
    const path = new URL(request.url).pathname
    onRequest?.(path, ++requestCount)
    return emulator.handle(request)
  })
  publishingRuntime.apiBase = server.url
  publishingRuntime.sleep = async () => {}
  // Callback timestamps come from the emulator's manual clock; the ±5-minute window is checked against it.
  callbackRuntime.now = () => emulator.clock.now()
})
afterAll(async () => {
  await server?.close()
  await shutdown(payload)
})

describe('publishing a push to the Official Account', () => {
  let acc: WechatAccount
  let articles: Article[]
  let p: Push

  beforeAll(async () => {
    acc = await account('service', [{ openid: 'oEditorPreviewOpenid00000001', wxname: 'lin-editor' }])
    // 12 body images in all, in several formats: jpeg/png straight to uploadimg, webp transcoded, gif via
    // add_material, and one JPEG over 1 MB (add_material).
    const formats = ['jpeg', 'png', 'webp', 'gif', 'jpeg', 'png', 'jpeg', 'webp', 'jpeg', 'png', 'jpeg'] as const
    const ids: string[] = []
    for (const [i, f] of formats.entries()) ids.push((await media(i + 1, f)).id)
    const noisy = await sharp(randomBytes(1000 * 1000 * 3), { raw: { width: 1000, height: 1000, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer()
    expect(noisy.length).toBeGreaterThan(1024 * 1024)
    ids.push((await media(99, 'jpeg', noisy)).id)
    const covers = [await media(201), await media(202), await media(203)]
    articles = [
      await article('头条：明前龙井怎么挑', ids.slice(0, 4), { cover: covers[0]!.id, product: true }),
      await article('次条：冷泡茶四小时', ids.slice(4, 8), { cover: covers[1]!.id }),
      await article('三条：搭一张茶桌', ids.slice(8, 12), { cover: covers[2]!.id }),
    ]
    p = await push(acc, articles)
  })

  it('publishes 3 articles with 12 images end to end, in order, and stores the URLs from the callback', async () => {
    const before = uploads()
    const after = await send(p.id, 'publish')
    expect(after.status, after.lastError ?? '').toBe('publishing')
    const steps = after.steps as { key: string; state: string; done: number; total: number }[]
    // 12 body images + 1 QR code for the product card.
    expect(steps.find((s) => s.key === 'images')).toMatchObject({ state: 'done', done: 13, total: 13 })
    expect(steps.find((s) => s.key === 'cover')).toMatchObject({ state: 'done', done: 3, total: 3 })
    expect(uploads() - before).toBe(13 + 3)
    expect(draftsOf(acc.appId)).toHaveLength(1)
    const draft = draftsOf(acc.appId)[0]!
    expect(draft.articles.map((a) => a.title)).toEqual(articles.map((a) => a.title))
    expect(draft.state).toBe('published')
    // Every <img> survived the emulator's filter (only issued mmbiz URLs are kept) and the HTML passes §f.
    for (const a of draft.articles) {
      expect(a.content).toContain('https://mmbiz.qpic.cn/')
      expect(checkWechatHtml(a.content)).toEqual([])
    }
    // 4 body images + the product card's QR code.
    expect(draft.articles[0]!.content.split('<img ').length - 1).toBe(5)

    // WeChat finishes the review later and calls us back (signed).
    emulator.clock.advance(2_000)
    await emulator.idle()
    expect(emulator.callbacks.at(-1)).toMatchObject({ event: 'PUBLISHJOBFINISH', delivered: true })
    const done = await getPush(p.id)
    expect(done.status).toBe('published')
    const urls = done.publishedUrls as { articleId: string; url: string; idx: number }[]
    expect(urls.map((u) => u.articleId)).toEqual(articles.map((a) => a.id))
    expect(urls.every((u) => u.url.startsWith('http://mp.weixin.qq.com/s/'))).toBe(true)
    expect(emulator.publishJobs.list().filter((j) => j.appId === acc.appId)).toHaveLength(1)
    // The article shows its publish status and URL.
    const art = (await rest('GET', `/articles/${articles[1]!.id}?draft=true`, { token: editorToken })).body
    expect(art.wechatStatus).toBe('published')
    expect(art.wechatUrl).toBe(urls[1]!.url)
  })

  it('re-publishing unchanged uploads 0 images and updates the same draft', async () => {
    const q = await push(acc, articles.slice(0, 2))
    const first = await send(q.id, 'draft')
    expect(first.status, first.lastError ?? '').toBe('drafted')
    const mediaId = first.mediaId!
    const countBefore = uploads()
    const draftsBefore = draftsOf(acc.appId).length
    const second = await send(q.id, 'draft')
    expect(second.status).toBe('drafted')
    expect(second.mediaId).toBe(mediaId)
    expect(uploads()).toBe(countBefore)
    expect(draftsOf(acc.appId)).toHaveLength(draftsBefore)
    expect((second.steps as { key: string; message?: string }[]).find((s) => s.key === 'images')?.message).toBe('全部已上传过，无需重复上传')
    expect((second.steps as { key: string; message?: string }[]).find((s) => s.key === 'draft')?.message).toContain('更新')

    // What the emulator stores (draft/get) passes every §f check.
    const client = createOfficialAccountClient({ apiBase: server.url, appId: acc.appId, appSecret: `secret-${acc.appId}` })
    const stored = await client.draft.get(mediaId)
    expect(stored.news_item).toHaveLength(2)
    for (const item of stored.news_item) expect(checkWechatHtml(item.content)).toEqual([])

    // Preview to the editor's own WeChat ID.
    const previewed = await send(q.id, 'preview', 'lin-editor')
    expect(previewed.status).toBe('drafted')
    expect(emulator.messages.at(-1)).toMatchObject({ kind: 'preview', towxname: 'lin-editor', mediaId })
  })

  it('survives the access token expiring mid-job', async () => {
    const q = await push(acc, [articles[2]!])
    const issued = emulator.stats.tokensIssued
    // After a few calls, two hours pass: the cached token is now expired (42001) and must be refreshed.
    let expired = false
    onRequest = (path) => {
      if (!expired && path.startsWith('/cgi-bin/draft/')) {
        expired = true
        emulator.clock.advance(7_300_000)
      }
    }
    const done = await send(q.id, 'draft')
    onRequest = undefined
    expect(expired).toBe(true)
    expect(done.status, done.lastError ?? '').toBe('drafted')
    expect(emulator.stats.tokensIssued).toBeGreaterThan(issued)
  })

  it('with 30% transient failures still ends with exactly one draft and one publish', async () => {
    const acc2 = await account('service')
    const ids = [(await media(301)).id, (await media(302, 'png')).id, (await media(303, 'webp')).id]
    const arts = [await article('故障注入一', ids.slice(0, 2), { product: true }), await article('故障注入二', ids.slice(2))]
    const q = await push(acc2, arts)
    emulator.faults.configure({ rate: 0.3, seed: 42 })
    let state = await send(q.id, 'publish')
    // A job that outlives its retries is re-sent and resumes (cache, stored media_id / publish_id).
    for (let i = 0; i < 3 && state.status === 'failed'; i++) state = await send(q.id, 'publish')
    emulator.faults.disable()
    expect(emulator.faults.injected.length).toBeGreaterThanOrEqual(3)
    expect(state.status, state.lastError ?? '').toBe('publishing')
    emulator.clock.advance(2_000)
    await emulator.idle()
    expect((await getPush(q.id)).status).toBe('published')
    expect(draftsOf(acc2.appId)).toHaveLength(1)
    expect(emulator.publishJobs.list().filter((j) => j.appId === acc2.appId)).toHaveLength(1)
  })

  it("when WeChat's callback never comes, the queued poll learns the outcome and stores it", async () => {
    const acc5 = await account('service')
    emulator.accounts.get(acc5.appId).callback = undefined
    const q = await push(acc5, [articles[2]!])
    const delay = publishingRuntime.pollDelaySeconds
    publishingRuntime.pollDelaySeconds = 0
    try {
      const submitted = await send(q.id, 'publish')
      expect(submitted.status, submitted.lastError ?? '').toBe('publishing')
      emulator.clock.advance(2_000)
      await emulator.idle()
      expect((await getPush(q.id)).status).toBe('publishing')
      await payload.jobs.run({ silent: true })
    } finally {
      publishingRuntime.pollDelaySeconds = delay
    }
    const done = await getPush(q.id)
    expect(done.status, done.lastError ?? '').toBe('published')
    expect(done.mediaId).toBeNull()
    expect(done.publishedUrls).toEqual([
      expect.objectContaining({ articleId: articles[2]!.id, idx: 1, url: expect.stringMatching(/^http:\/\/mp\.weixin\.qq\.com\/s\//) }),
    ])
    expect((done.steps as { key: string; state: string; message?: string }[]).find((s) => s.key === 'publish')).toMatchObject({
      state: 'done',
      message: '发表成功',
    })
  })

  it('an account without publish permission (48001) ends at "publish manually", not failed', async () => {
    const acc3 = await account('subscription_unverified')
    const q = await push(acc3, [articles[1]!])
    const done = await send(q.id, 'publish')
    expect(done.status).toBe('needs_manual_publish')
    expect(done.mediaId).toBeTruthy()
    expect(emulator.drafts.get(done.mediaId!)?.state).toBe('draft')
    expect((done.steps as { key: string; state: string; message?: string }[]).find((s) => s.key === 'publish')).toMatchObject({
      state: 'skipped',
      message: '草稿已创建，请在公众平台手动发表',
    })
  })

  it('mass-sends once a day on a subscription account, idempotently', async () => {
    const acc4 = await account('subscription')
    const q = await push(acc4, [articles[0]!])
    const sent = await send(q.id, 'massSend')
    expect(sent.status, sent.lastError ?? '').toBe('sent')
    expect(sent.msgId).toBeTruthy()
    emulator.clock.advance(2_000)
    await emulator.idle()
    expect((await getPush(q.id)).status).toBe('sent')
    const other = await push(acc4, [articles[1]!])
    const refused = await send(other.id, 'massSend')
    expect(refused.status).toBe('failed')
    expect(refused.lastError).toContain('每天只能群发 1 次')
    expect(emulator.messages.filter((m) => m.kind === 'mass' && m.appId === acc4.appId)).toHaveLength(1)
  })
})

describe('field limits are enforced before sending, with editor-readable errors', () => {
  let acc: WechatAccount
  let cover: string
  beforeAll(async () => {
    acc = await account('service')
    cover = (await media(401)).id
  })
  const attempt = async (a: Article) => {
    const drafts = draftsOf(acc.appId).length
    const q = await push(acc, [a])
    const done = await send(q.id, 'draft')
    expect(draftsOf(acc.appId)).toHaveLength(drafts)
    return done
  }

  it('title over 32 characters', async () => {
    const done = await attempt(await article('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三', [], { cover }))
    expect(done.status).toBe('failed')
    expect(done.lastError).toMatch(/第 1 篇.*标题.*32/)
  })
  it('title over 64 bytes (22 CJK characters), while 21 CJK characters go through as raw UTF-8', async () => {
    const done = await attempt(await article('一二三四五六七八九十一二三四五六七八九十一二', [], { cover }))
    expect(done.lastError).toMatch(/标题过长.*64 字节/)
    const ok = await push(acc, [await article('一二三四五六七八九十一二三四五六七八九十一', [], { cover })])
    // The emulator measures the raw JSON text: \u escapes would make this 126 characters and fail with 45003.
    expect((await send(ok.id, 'draft')).status).toBe('drafted')
  })
  it('content of 20,000 characters or more', async () => {
    const long = Array.from({ length: 120 }, (_, i) => paragraph(`第 ${i} 段`.padEnd(160, '茶')))
    const done = await attempt(await article('很长的文章', [], { cover, extra: long }))
    expect(done.status).toBe('failed')
    expect(done.lastError).toMatch(/20000/)
  })
  it('author, digest and 阅读原文 limits (unit level: the collection already caps author and digest)', async () => {
    const { validateDraftArticle } = await import('@/wechat/oa')
    const base = { title: '标题', content: '<section>x</section>', thumb_media_id: 'm' }
    expect(validateDraftArticle({ ...base, author: '一二三四五六七八九' })[0]?.message).toMatch(/作者名过长/)
    expect(validateDraftArticle({ ...base, digest: '字'.repeat(121) })[0]?.message).toMatch(/摘要过长/)
    expect(validateDraftArticle({ ...base, content_source_url: `https://a.cn/${'x'.repeat(1024)}` })[0]?.message).toMatch(/1KB/)
    expect(validateDraftArticle({ ...base, content: '<p>x</p>'.padEnd(1024 * 1024, '字') })[0]?.message).toMatch(/正文/)
  })
  it('an article without any image or cover cannot be pushed', async () => {
    const done = await attempt(await article('没有封面', []))
    expect(done.lastError).toMatch(/没有封面图/)
  })
})

describe('callbacks', () => {
  it('rejects a forged signature and an unsigned request; accepts a signed one', async () => {
    const acc = await account('service')
    const q = await push(acc, []).catch(() => undefined)
    expect(q).toBeUndefined() // a push needs at least one article
    const record = emulator.pushEvent(
      acc.appId,
      {
        ToUserName: 'gh_x',
        FromUserName: 'mphelper',
        CreateTime: 1,
        MsgType: 'event',
        Event: 'PUBLISHJOBFINISH',
        PublishEventInfo: { publish_id: 1, publish_status: 0 },
      },
      { forgeSignature: true },
    )
    await emulator.idle()
    expect(record).toMatchObject({ delivered: false, lastStatus: 401 })
    const unsigned = await inProcessFetch(`http://localhost/api/wechat-accounts/${acc.id}/callback`, { method: 'POST', body: '<xml></xml>' })
    expect(unsigned.status).toBe(401)
    const good = emulator.pushEvent(acc.appId, { ToUserName: 'gh_x', FromUserName: 'u', CreateTime: 2, MsgType: 'event', Event: 'VIEW' })
    await emulator.idle()
    expect(good).toMatchObject({ delivered: true, lastStatus: 200 })
    expect(await emulator.verifyCallbackUrl(acc.appId)).toBe(true)
  })
})

describe('HTTP contract and access', () => {
  it('POST /api/pushes/:id/send answers 202 { job } to editors of the brand only', async () => {
    const acc = await account('service')
    const a = await article('权限测试', [], { cover: (await media(501)).id })
    const q = await push(acc, [a])
    const body = { json: { action: 'draft' } }
    const refused = (status: number, error: object) => ({ status, body: { error } })
    expect(await rest('POST', `/pushes/${q.id}/send`, body)).toMatchObject(refused(401, { code: 'LOGIN_REQUIRED', message: '请先登录' }))
    expect(await rest('POST', `/pushes/${q.id}/send`, { ...body, token: await login(w.editorB.email, w.password) })).toMatchObject(
      refused(404, { code: 'NOT_FOUND', message: '找不到该推送' }),
    )
    expect(await rest('POST', `/pushes/${q.id}/send`, { ...body, token: await login(w.operatorA.email, w.password) })).toMatchObject(
      refused(403, { code: 'FORBIDDEN', message: '你没有权限推送该内容' }),
    )
    expect(await rest('POST', `/pushes/${q.id}/send`, { token: editorToken, json: { action: 'nope' } })).toMatchObject(
      refused(400, { code: 'INVALID_BODY', message: 'action 须为 draft、publish、massSend 或 preview', field: 'action' }),
    )
    expect(await rest('POST', `/pushes/${q.id}/send`, { token: editorToken, json: { action: 'preview' } })).toMatchObject(
      refused(400, { code: 'INVALID_BODY', message: '预览须填写接收者的微信号或 openid（to）', field: 'to' }),
    )
    const ok = await rest('POST', `/pushes/${q.id}/send`, { token: editorToken, json: { action: 'draft' } })
    expect(ok).toMatchObject({ status: 202, body: { job: expect.any(String) } })
    expect((await getPush(q.id)).status).toBe('queued')
    const busy = await rest('POST', `/pushes/${q.id}/send`, { token: editorToken, json: { action: 'draft' } })
    expect(busy).toMatchObject(refused(409, { code: 'PUSH_BUSY', message: '该推送正在处理中，请等待完成', job: ok.body.job }))
    await payload.jobs.run({ silent: true })
    const got = await getPush(q.id)
    expect(got).toMatchObject({ status: 'drafted', mediaId: expect.any(String), lastError: null })
    // A stale admin form (or any REST client) cannot reset what the job stored.
    await rest('PATCH', `/pushes/${q.id}`, { token: editorToken, json: { status: 'draft', mediaId: null, title: '改名' } } as never)
    expect(await getPush(q.id)).toMatchObject({ status: 'drafted', mediaId: got.mediaId, title: '改名' })
    expect(got.steps).toEqual([
      expect.objectContaining({ key: 'images', state: 'done' }),
      expect.objectContaining({ key: 'cover', state: 'done', done: 1, total: 1 }),
      expect.objectContaining({ key: 'draft', state: 'done' }),
    ])
  })

  it('never returns account secrets, stores them encrypted, and keeps them when other fields change', async () => {
    const id = appId()
    const ownerToken = await login(w.ownerA.email, w.password)
    const created = await rest('POST', '/wechat-accounts', {
      token: ownerToken,
      json: { name: '密钥测试', appId: id, appSecret: 'top-secret-value', callbackToken: 'tok', accountType: 'service', brand: w.brandA.id },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const text = JSON.stringify(created.body)
    expect(text).not.toContain('top-secret-value')
    expect(text).not.toContain('enc:v1:')
    expect(created.body.doc.hasAppSecret).toBe(true)
    const docId = created.body.doc.id
    await rest('PATCH', `/wechat-accounts/${docId}`, { token: ownerToken, json: { name: '改名' } } as never)
    const read = await rest('GET', `/wechat-accounts/${docId}`, { token: editorToken })
    expect(JSON.stringify(read.body)).not.toContain('top-secret-value')
    expect(read.body.appSecret ?? '').toBe('')
    const raw = (await payload.findByID({ collection: 'wechat-accounts', id: docId, showHiddenFields: true })) as WechatAccount
    expect(raw.appSecretEncrypted).toMatch(/^enc:v1:/)
    const { loadAccount } = await import('@/wechat/account')
    expect((await loadAccount(payload, docId)).appSecretPlain).toBe('top-secret-value')
    const other = await rest('GET', `/wechat-accounts/${docId}`, { token: await login(w.editorB.email, w.password) })
    expect(other.status).toBe(404)
  })
})

describe('scheduled daily push', () => {
  it('queues the job for the planned time and runs it then', async () => {
    const acc = await account('subscription')
    const a = await article('定时推送', [], { cover: (await media(601)).id })
    const future = new Date(Date.now() + 3_600_000).toISOString()
    const q = await push(acc, [a], { scheduledAt: future, scheduledAction: 'massSend' } as Partial<Push>)
    const queued = (await payload.findByID({ collection: 'pushes', id: q.id })) as Push
    expect(queued.scheduledJobId).toBeTruthy()
    const job = await payload.findByID({ collection: 'payload-jobs', id: queued.scheduledJobId! })
    expect(new Date(job.waitUntil as string).toISOString()).toBe(future)
    await payload.jobs.run({ silent: true })
    expect(((await payload.findByID({ collection: 'pushes', id: q.id })) as Push).status).toBe('draft')
    // Moved to now: the old job is cancelled, the new one runs.
    await payload.update({ collection: 'pushes', id: q.id, data: { scheduledAt: new Date(Date.now() - 1000).toISOString() } })
    await payload.jobs.run({ silent: true })
    const done = (await payload.findByID({ collection: 'pushes', id: q.id })) as Push
    expect(done.status, done.lastError ?? '').toBe('sent')
    expect(emulator.messages.filter((m) => m.kind === 'mass' && m.appId === acc.appId)).toHaveLength(1)
  })
})
