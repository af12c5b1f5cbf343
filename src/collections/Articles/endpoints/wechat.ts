import type { Endpoint } from 'payload'

import { answersErrors, AppError } from '../../../platform/errors'
import { renderResponse } from './renderResponse'

/** `GET /api/articles/:id/wechat?mode=paste|api&theme=…`: the saved article as WeChat HTML, for whoever may read it. */
export const wechatEndpoint: Endpoint = {
  path: '/:id/wechat',
  method: 'get',
  handler: answersErrors(async (req) => {
    const id = String(req.routeParams?.id ?? '')
    const draft = req.searchParams.get('draft') === 'true'
    const article = await req.payload
      .findByID({ collection: 'articles', id, depth: 0, draft, overrideAccess: false, user: req.user, req, disableErrors: true })
      .catch(() => null)
    if (!article) throw new AppError('NOT_FOUND', 404, '文章不存在或无权查看 (not found)')
    return renderResponse(req, article, Object.fromEntries(req.searchParams))
  }),
}
