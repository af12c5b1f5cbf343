import type { PayloadRequest } from 'payload'

import { articleRenderInput, type ArticleToRender } from '../../../wechat/articleRenderInput'
import { RenderInputError, RenderLimitError, renderWechatArticle } from '../../../wechat/render'
import { parseRenderOptions, publicBaseUrl } from './renderOptions'

/** Renders an article for WeChat and maps the renderer's typed errors to 4xx answers with a message. */
export async function renderResponse(req: PayloadRequest, article: ArticleToRender, params: Record<string, unknown>): Promise<Response> {
  try {
    const options = parseRenderOptions(params)
    const { input } = await articleRenderInput(req.payload, article, { readAs: { req }, baseUrl: publicBaseUrl(req) })
    return Response.json(await renderWechatArticle({ ...input, ...options }))
  } catch (error) {
    if (error instanceof RenderLimitError || error instanceof RenderInputError) {
      return Response.json({ errors: [{ message: error.message }] }, { status: error instanceof RenderLimitError ? 422 : 400 })
    }
    if (error instanceof Error && error.name === 'BadRenderOption') return Response.json({ errors: [{ message: error.message }] }, { status: 400 })
    throw error
  }
}
