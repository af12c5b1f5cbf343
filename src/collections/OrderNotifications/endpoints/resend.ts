import type { Endpoint } from 'payload'

import { canInBrand } from '@/access/roles'
import { resendNotification } from '@/notifications/resend'
import type { OrderNotification } from '@/payload-types'
import { answersErrors, AppError } from '@/platform/errors'
import { idOf } from '@/utilities/idOf'

/** `POST /api/order-notifications/:id/resend` → `202 { queued: true }`: owners and operators of the order's brand. */
export const resendEndpoint: Endpoint = {
  path: '/:id/resend',
  method: 'post',
  handler: answersErrors(async (req) => {
    if (!req.user) throw new AppError('LOGIN_REQUIRED', 401, '请先登录')
    const doc = (await req.payload
      .findByID({
        collection: 'order-notifications',
        id: String(req.routeParams?.id ?? ''),
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
        disableErrors: true,
      })
      .catch(() => null)) as OrderNotification | null
    if (!doc) throw new AppError('NOT_FOUND', 404, '找不到该通知')
    if (!canInBrand(req.user, idOf(doc.brand), 'commerce')) throw new AppError('FORBIDDEN', 403, '你没有权限处理该品牌的订单')
    const result = await resendNotification(req.payload, doc)
    if (!result.ok) throw new AppError(result.code, result.status, result.message)
    return Response.json({ queued: true }, { status: 202 })
  }),
}
