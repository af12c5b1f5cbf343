import type { EmulatorContext } from '../context'
import { orderKey } from '../context'
import { errorResponse, signedResponse } from '../respond'
import { bodyParamError } from '../validate'
import type { RouteRequest } from './common'

/** §4.6 / §5.7 item 37: mchid in the body; 204; re-entrant; a paid order cannot be closed. */
export async function closeOrder(ctx: EmulatorContext, req: RouteRequest): Promise<Response> {
  if (!req.body.mchid) {
    const e = bodyParamError('/mchid', '此字段为必填项')
    return errorResponse(e.status, e.code, e.message, e.detail)
  }
  const order = ctx.orders.get(orderKey(req.merchant.mchid, req.params.outTradeNo))
  if (!order) return errorResponse(404, 'ORDER_NOT_EXIST', '订单不存在')
  if (order.state === 'SUCCESS' || order.state === 'REFUND') {
    return errorResponse(ctx.policy.closePaid.status, ctx.policy.closePaid.code, ctx.policy.closePaid.message)
  }
  order.state = 'CLOSED'
  return signedResponse(ctx.signer, 204)
}
