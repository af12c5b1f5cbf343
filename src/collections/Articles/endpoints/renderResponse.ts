import type { PayloadRequest } from 'payload'

import { articleRenderInput } from '../../../wechat/articleRenderInput'
import { RenderInputError, RenderLimitError, renderWechatArticle } from '../../../wechat/render'
import { parseRenderOptions, publicBaseUrl } from './renderOptions'

type Article = Parameters<typeof articleRenderInput>[2]

/** Renders an article for WeChat and maps the renderer's typed errors to 4xx answers with a message. */
export async function renderResponse(req: PayloadRequest, article: Article, params: Record<string, unknown>): Promise<Response> {
  try {
    const options = parseRenderOptions(params)
    const input = await articleRenderInput(req.payload, req, article, { ...options, baseUrl: publicBaseUrl(req) })
    return Response.json(await renderWechatArticle(input))
  } catch (error) {
    if (error instanceof RenderLimitError || error instanceof RenderInputError) {
      return Response.json({ errors: [{ message: error.message }] }, { status: error instanceof RenderLimitError ? 422 : 400 })
    }
    if (error instanceof Error && error.name === 'BadRenderOption') return Response.json({ errors: [{ message: error.message }] }, { status: 400 })
    throw error
  }
}
