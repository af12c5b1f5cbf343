import type { Endpoint } from 'payload'

import { brandDocFor } from '@/access/brandDocFor'
import { resendNotification } from '@/notifications/resend'
import type { OrderNotification } from '@/payload-types'
import { answersErrors, AppError } from '@/platform/errors'

/** `POST /api/order-notifications/:id/resend` → `202 { queued: true }`: owners and operators of the order's brand. */
export const resendEndpoint: Endpoint = {
  path: '/:id/resend',
  method: 'post',
  handler: answersErrors(async (req) => {
    const doc = await brandDocFor<OrderNotification>(req, 'order-notifications', 'commerce', {
      notFound: '找不到该通知',
      forbidden: '你没有权限处理该品牌的订单',
    })
    const result = await resendNotification(req.payload, doc)
    if (!result.ok) throw new AppError(result.code, result.status, result.message)
    return Response.json({ queued: true }, { status: 202 })
  }),
}
