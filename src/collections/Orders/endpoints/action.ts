import type { Endpoint } from 'payload'

import { applyOrderAction, canActOnOrder } from '@/commerce/orderActions'
import { ORDER_ACTIONS, type OrderAction } from '@/commerce/orderStateMachine'
import type { Order } from '@/payload-types'
import { answersErrors, AppError } from '@/platform/errors'

/**
 * `POST /api/orders/:id/action` `{ action: ship|complete|cancel|refund, note?, carrier?, trackingNumber? }` → `200 { order }`;
 * ship requires carrier and trackingNumber (400 naming the field).
 */
export const orderActionEndpoint: Endpoint = {
  path: '/:id/action',
  method: 'post',
  handler: answersErrors(async (req) => {
    if (!req.user) throw new AppError('LOGIN_REQUIRED', 401, '请先登录 (login required)')
    const order = (await req.payload
      .findByID({ collection: 'orders', id: String(req.routeParams?.id ?? ''), depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
      .catch(() => null)) as Order | null
    if (!order) throw new AppError('NOT_FOUND', 404, '订单不存在 (not found)')
    if (!canActOnOrder(req.user, order)) throw new AppError('FORBIDDEN', 403, '没有处理该订单的权限 (forbidden)')
    const body = (await req.json?.().catch(() => null)) as { action?: unknown; note?: unknown; carrier?: unknown; trackingNumber?: unknown } | null
    if (!body || !ORDER_ACTIONS.includes(body.action as OrderAction))
      throw new AppError('INVALID_BODY', 400, `action 必须是 ${ORDER_ACTIONS.join(' / ')} 之一`, { field: 'action' })
    if (body.note !== undefined && (typeof body.note !== 'string' || body.note.length > 200))
      throw new AppError('INVALID_BODY', 400, 'note 必须是 200 字以内的文字', { field: 'note' })
    // A refused transition is a CommerceError (409 ILLEGAL_TRANSITION), answered as it is.
    const updated = await applyOrderAction(req.payload, order, body.action as OrderAction, {
      actor: `user:${req.user.id}`,
      note: typeof body.note === 'string' ? body.note.trim() : undefined,
      shipment: { carrier: body.carrier, trackingNumber: body.trackingNumber },
    })
    return Response.json({ order: { id: updated.id, number: updated.number, status: updated.status } })
  }),
}
