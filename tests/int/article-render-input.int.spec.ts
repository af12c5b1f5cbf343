// The preview and the push load an article through one loader (src/wechat/articleRenderInput.ts): for the same
// article, what the editor previews is what is pushed — the same products, media, brand look and block numbers.
import { createLocalReq, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Media } from '@/payload-types'
import { publicOrigin } from '@/platform/http/origin'
import { doc, heading, paragraph, productCard, productGrid, upload } from '@/seed/lexical'
import { articleRenderInput, loadArticleToRender } from '@/wechat/articleRenderInput'
import { renderWechatArticle } from '@/wechat/render'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'

let payload: Payload
let w: World
let editorToken: string
let article: Article
let cover: Media
let bodyImage: Media
let productImage: Media
/** The origin the render endpoints answer for (the in-process REST helper calls http://localhost). */
const baseUrl = publicOrigin(new Request('http://localhost/api/articles'))

async function media(i: number): Promise<Media> {
  const data = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: i * 40, g: 90, b: 60 } } })
    .jpeg()
    .toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt: `图 ${i}`, brand: w.brandA.id },
    file: { data, mimetype: 'image/jpeg', name: `render-input-${i}-${Date.now()}.jpg`, size: data.length },
  })
}

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  editorToken = await login(w.editorA.email, w.password)
  await payload.update({ collection: 'brands', id: w.brandA.id, data: { primaryColor: '#b03a2e' } })
  ;[cover, bodyImage, productImage] = [await media(1), await media(2), await media(3)]
  await payload.update({ collection: 'products', id: w.productA.id, data: { images: [productImage.id] } })
  article = (await payload.create({
    collection: 'articles',
    data: {
      title: '春茶上新',
      slug: `render-input-${Date.now()}`,
      brand: w.brandA.id,
      cover: cover.id,
      content: doc(
        heading('h2', '春茶上新'),
        paragraph('明前茶，值得一试。'),
        upload(bodyImage.id),
        productCard(w.productA.id, 'large', '去看看'),
        productGrid([w.draftProductA.id, w.productA.id]),
      ) as never,
      _status: 'draft',
    },
    draft: true,
  })) as Article
})
afterAll(() => shutdown(payload))

describe('one article loader for the preview and the push', () => {
  it("gives the editor's preview exactly the push's input for the same article", async () => {
    const pushed = await loadArticleToRender(payload, article.id, { baseUrl })
    const req = await createLocalReq({ user: { ...w.editorA, collection: 'users' } }, payload)
    // As the render endpoint reads it (the editor's access, draft) and as the phone preview sends it (unsaved state).
    const saved = await payload.findByID({ collection: 'articles', id: article.id, depth: 0, draft: true, overrideAccess: false, user: req.user, req })
    const unsaved = { id: article.id, title: article.title, content: saved.content, brand: w.brandA.id }
    for (const previewed of [saved, unsaved]) {
      const preview = await articleRenderInput(payload, previewed, { readAs: { req }, baseUrl })
      expect(preview.input).toEqual(pushed.input)
    }

    expect(Object.keys(pushed.input.products).sort()).toEqual([w.productA.id, w.draftProductA.id].sort())
    expect(Object.keys(pushed.input.media).sort()).toEqual([bodyImage.id, productImage.id].sort())
    expect(pushed.input.primaryColor).toBe('#b03a2e')
    expect(pushed.cover?.id).toBe(cover.id)
  })

  it('renders the same WeChat HTML through both preview endpoints as the push renders in paste mode', async () => {
    const pushed = await loadArticleToRender(payload, article.id, { baseUrl })
    const rendered = await renderWechatArticle({ ...pushed.input, mode: 'paste', theme: 'default', darkMode: false })
    const expected = rendered.html
    expect(rendered.qrCodes.map((qr) => qr.landingUrl)).toEqual([
      `${baseUrl}/p/${w.productA.slug}?from=${article.id}&b=0`,
      `${baseUrl}/p/${w.draftProductA.slug}?from=${article.id}&b=1`,
      `${baseUrl}/p/${w.productA.slug}?from=${article.id}&b=1`,
    ])
    const { content } = await payload.findByID({ collection: 'articles', id: article.id, depth: 0, draft: true })

    const saved = await rest('GET', `/articles/${article.id}/wechat?draft=true`, { token: editorToken })
    expect(saved.status).toBe(200)
    expect(saved.body.html).toBe(expected)
    const preview = await rest('POST', '/articles/wechat-preview', {
      token: editorToken,
      json: { id: article.id, title: article.title, content, brand: w.brandA.id },
    })
    expect(preview.status).toBe(200)
    expect(preview.body.html).toBe(expected)
  })
})
