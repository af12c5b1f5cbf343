import type { PayloadRequest } from 'payload'

import { AppError } from '../../../platform/errors'
import { articleRenderInput, type ArticleToRender } from '../../../wechat/articleRenderInput'
import { RenderImageError, RenderInputError, RenderLimitError, renderWechatArticle } from '../../../wechat/render'
import { parseRenderOptions, publicBaseUrl } from './renderOptions'

/** Renders an article for WeChat; the renderer's typed errors become AppErrors (4xx with the renderer's message). */
export async function renderResponse(req: PayloadRequest, article: ArticleToRender, params: Record<string, unknown>): Promise<Response> {
  try {
    const options = parseRenderOptions(params)
    const { input } = await articleRenderInput(req.payload, article, { readAs: { req }, baseUrl: publicBaseUrl(req) })
    return Response.json(await renderWechatArticle({ ...input, ...options }))
  } catch (error) {
    if (error instanceof RenderLimitError)
      throw new AppError('RENDER_LIMIT', 422, error.message, { details: { limit: error.limit, actual: error.actual, max: error.max } })
    if (error instanceof RenderImageError) throw new AppError('IMAGES_NOT_UPLOADED', 400, error.message)
    if (error instanceof RenderInputError) throw new AppError('INVALID_CONTENT', 400, error.message)
    throw error
  }
}
