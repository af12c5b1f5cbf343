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
    expect((await rest('GET', `/articles/00000000-0000-4000-8000-000000000000/wechat`, { token: tokenA })).status).toBe(404)
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
    expect(theme.body.errors[0].message).toMatch(/主题/)
    const mode = await rest('GET', `/articles/${articleId}/wechat?mode=pdf`, { token: tokenA })
    expect(mode.status).toBe(400)
  })

  it('in api mode refuses images that are not on mmbiz yet', async () => {
    const res = await rest('GET', `/articles/${articleId}/wechat?mode=api`, { token: tokenA })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/mmbiz/)
  })
})

describe('POST /api/articles/wechat-preview', () => {
  it('needs a logged-in team member', async () => {
    const res = await rest('POST', '/articles/wechat-preview', { json: { content: content(w.productA.id) } })
    expect(res.status).toBe(401)
  })
  it("renders unsaved content, and never shows another brand's draft product", async () => {
    const mine = await rest('POST', '/articles/wechat-preview', { token: tokenA, json: { title: '草稿', content: content(w.draftProductA.id), brand: w.brandA.id } })
    expect(mine.status).toBe(200)
    expect(mine.body.html).toContain('draft-a')
    const theirs = await rest('POST', '/articles/wechat-preview', { token: tokenB, json: { title: '草稿', content: content(w.draftProductA.id), brand: w.brandB.id } })
    expect(theirs.status).toBe(200)
    expect(theirs.body.html).not.toContain('draft-a')
    expect(theirs.body.warnings.join()).not.toEqual('')
  })
  it('rejects a body without content', async () => {
    const res = await rest('POST', '/articles/wechat-preview', { token: tokenA, json: { title: 'x' } })
    expect(res.status).toBe(400)
  })
})
