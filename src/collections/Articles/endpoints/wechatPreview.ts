import type { Endpoint } from 'payload'

import { brandIdsOf, isAdminUser } from '../../../access/roles'
import { renderResponse } from './renderResponse'

/**
 * `POST /api/articles/wechat-preview`: renders the editor's unsaved state (title, content, brand) so the
 * admin's phone preview follows typing. Products and images resolve with the editor's own access.
 */
export const wechatPreviewEndpoint: Endpoint = {
  path: '/wechat-preview',
  method: 'post',
  handler: async (req) => {
    if (!req.user || !(isAdminUser(req.user) || brandIdsOf(req.user).length > 0)) {
      return Response.json({ errors: [{ message: '请先登录 (login required)' }] }, { status: 401 })
    }
    const body = (await req.json?.().catch(() => null)) as Record<string, unknown> | null
    if (!body || typeof body !== 'object' || !body.content || typeof body.content !== 'object') {
      return Response.json({ errors: [{ message: 'content 必须是 Lexical 编辑器状态 (content must be a Lexical state)' }] }, { status: 400 })
    }
    const article = {
      id: typeof body.id === 'string' ? body.id : undefined,
      title: typeof body.title === 'string' ? body.title : '',
      content: body.content,
      brand: typeof body.brand === 'string' ? body.brand : null,
    }
    return renderResponse(req, article, body)
  },
}
