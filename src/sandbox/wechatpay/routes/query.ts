import type { EmulatorContext } from '../context'
import { orderKey, transactionView } from '../context'
import { errorResponse, signedResponse } from '../respond'
import { queryParamError } from '../validate'
import type { RouteRequest } from './common'

function checkMchidParam(req: RouteRequest): Response | undefined {
  const mchid = req.query.get('mchid')
  if (!mchid) {
    const e = queryParamError('mchid', '此字段为必填项')
    return errorResponse(e.status, e.code, e.message, e.detail)
  }
  if (mchid !== req.merchant.mchid) return errorResponse(400, 'PARAM_ERROR', 'http header中的mchid与query中的mchid不匹配')
  return undefined
}

/** §4.5 / §5.7 item 36: by out_trade_no works in any state. */
export async function queryByOutTradeNo(ctx: EmulatorContext, req: RouteRequest): Promise<Response> {
  const bad = checkMchidParam(req)
  if (bad) return bad
  const order = ctx.orders.get(orderKey(req.merchant.mchid, req.params.outTradeNo))
  if (!order) return errorResponse(404, 'ORDER_NOT_EXIST', '订单不存在')
  return signedResponse(ctx.signer, 200, transactionView(order))
}

/** By transaction_id: paid orders only. */
export async function queryByTransactionId(ctx: EmulatorContext, req: RouteRequest): Promise<Response> {
  const bad = checkMchidParam(req)
  if (bad) return bad
  for (const order of ctx.orders.values()) {
    if (order.mchid === req.merchant.mchid && order.transactionId === req.params.transactionId) {
      return signedResponse(ctx.signer, 200, transactionView(order))
    }
  }
  return errorResponse(404, 'ORDER_NOT_EXIST', '订单不存在')
}
