import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { doc, heading, link, list, paragraph, productCard } from '@/seed/lexical'
import { checkWechatHtml } from '@/wechat/render'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'

let payload: Payload
let w: World
let tokenA: string
let tokenB: string
let articleId: string

const content = (productId: string) =>
  doc(
    heading('h2', '春茶上新'),
    paragraph('今年的明前茶，', link('https://example.com/tea', '产区介绍'), '值得一试。'),
    list('bullet', ['第一点', { text: '第二点', children: ['细节'] }]),
    productCard(productId, 'large', '去看看'),
  )

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  tokenA = await login(w.editorA.email, w.password)
  tokenB = await login(w.editorB.email, w.password)
  const article = await payload.create({
    collection: 'articles',
    data: { title: '春茶上新', brand: w.brandA.id, content: content(w.productA.id) as never, _status: 'draft' },
    draft: true,
  })
  articleId = article.id
})
afterAll(() => shutdown(payload))

describe('GET /api/articles/:id/wechat', () => {
  it('renders the article for its brand editor, with the product card and a footnoted link', async () => {
    const res = await rest('GET', `/articles/${articleId}/wechat?draft=true&theme=warm`, { token: tokenA })
    expect(res.status).toBe(200)
    expect(res.body.html).toContain('product-a')
    expect(res.body.html).toContain('¥12.90')
    expect(res.body.html).not.toContain('href="https://example.com/tea"')
    expect(res.body.stats.images).toBeGreaterThan(0)
    expect(res.body.contentSourceUrl).toMatch(new RegExp(`/p/${w.productA.slug}\\?from=${articleId}&b=0`))
    expect(checkWechatHtml(res.body.html, { mode: 'paste' })).toEqual([])
  })

  it('is 404 for readers who may not read the article', async () => {
    expect((await rest('GET', `/articles/${articleId}/wechat?draft=true`)).status).toBe(404)
    expect((await rest('GET', `/articles/${articleId}/wechat?draft=true`, { token: tokenB })).status).toBe(404)
    const missing = await rest('GET', `/articles/00000000-0000-4000-8000-000000000000/wechat`, { token: tokenA })
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: '文章不存在或无权查看 (not found)' } } })
  })

  it('is public once published', async () => {
    await payload.update({ collection: 'articles', id: articleId, data: { _status: 'published' } })
    const res = await rest('GET', `/articles/${articleId}/wechat`)
    expect(res.status).toBe(200)
    expect(res.body.html).toContain('春茶上新')
  })

  it('rejects unknown themes and modes with a message', async () => {
    const theme = await rest('GET', `/articles/${articleId}/wechat?theme=neon`, { token: tokenA })
    expect(theme.status).toBe(400)
    expect(theme.body.error).toMatchObject({ code: 'INVALID_RENDER_OPTION', field: 'theme', message: expect.stringMatching(/主题/) })
    const mode = await rest('GET', `/articles/${articleId}/wechat?mode=pdf`, { token: tokenA })
    expect(mode.status).toBe(400)
    expect(mode.body.error).toEqual({ code: 'INVALID_RENDER_OPTION', field: 'mode', message: 'mode 只能是 paste 或 api (mode must be paste or api)' })
  })

  it('in api mode refuses images that are not on mmbiz yet', async () => {
    const res = await rest('GET', `/articles/${articleId}/wechat?mode=api`, { token: tokenA })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'IMAGES_NOT_UPLOADED', message: expect.stringMatching(/mmbiz/) })
  })
})

describe('POST /api/articles/wechat-preview', () => {
  it('needs a logged-in team member', async () => {
    const res = await rest('POST', '/articles/wechat-preview', { json: { content: content(w.productA.id) } })
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'LOGIN_REQUIRED', message: '请先登录 (login required)' } } })
  })
  it("renders unsaved content, and never shows another brand's draft product", async () => {
    const mine = await rest('POST', '/articles/wechat-preview', {
      token: tokenA,
      json: { title: '草稿', content: content(w.draftProductA.id), brand: w.brandA.id },
    })
    expect(mine.status).toBe(200)
    expect(mine.body.html).toContain('draft-a')
    const theirs = await rest('POST', '/articles/wechat-preview', {
      token: tokenB,
      json: { title: '草稿', content: content(w.draftProductA.id), brand: w.brandB.id },
    })
    expect(theirs.status).toBe(200)
    expect(theirs.body.html).not.toContain('draft-a')
    expect(theirs.body.warnings.join()).not.toEqual('')
  })
  it('rejects a body without content', async () => {
    const res = await rest('POST', '/articles/wechat-preview', { token: tokenA, json: { title: 'x' } })
    expect(res).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_BODY', field: 'content', message: 'content 必须是 Lexical 编辑器状态 (content must be a Lexical state)' } },
    })
  })
})
