import type { Endpoint } from 'payload'

import { brandIdsOf, isAdminUser } from '../../../access/roles'
import { answersErrors, AppError } from '../../../platform/errors'
import { renderResponse } from './renderResponse'

/**
 * `POST /api/articles/wechat-preview`: renders the editor's unsaved state (title, content, brand) so the
 * admin's phone preview follows typing. Products and images resolve with the editor's own access.
 */
export const wechatPreviewEndpoint: Endpoint = {
  path: '/wechat-preview',
  method: 'post',
  handler: answersErrors(async (req) => {
    if (!req.user || !(isAdminUser(req.user) || brandIdsOf(req.user).length > 0)) throw new AppError('LOGIN_REQUIRED', 401, '请先登录 (login required)')
    const body = (await req.json?.().catch(() => null)) as Record<string, unknown> | null
    if (!body || typeof body !== 'object' || !body.content || typeof body.content !== 'object') {
      throw new AppError('INVALID_BODY', 400, 'content 必须是 Lexical 编辑器状态 (content must be a Lexical state)', { field: 'content' })
    }
    const article = {
      id: typeof body.id === 'string' ? body.id : undefined,
      title: typeof body.title === 'string' ? body.title : '',
      content: body.content,
      brand: typeof body.brand === 'string' ? body.brand : null,
    }
    return renderResponse(req, article, body)
  }),
}
