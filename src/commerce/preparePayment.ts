// The buyer's 去支付: the prepay of an order's payment attempt, obtained on demand and once per attempt. Checkout
// names the attempt (./checkout.ts); this is where WeChat Pay is first asked. A second tap, a reload or two taps at
// once get the same attempt back: the stored row answers (a JSAPI bundle signed afresh), and of two concurrent
// first taps one writes the row (out_trade_no is unique) and the other reads it.
import type { Payload } from 'payload'

import type { Order, Payment } from '@/payload-types'
import { WechatPayError } from '@/wechat/pay/errors'
import type { PayChannel } from '@/wechat/pay/types'

import { type CheckoutContext, instructionsFor, type PaymentInstructions, startPayment } from './checkout'
import { CommerceError } from './errors'
import { orderStatusLabel } from './orderStateMachine'
import { orderByNumberAndToken } from './orderView'
import { payGateway } from './payGateway'

const notFound = () => new CommerceError('NOT_FOUND', 404, '订单不存在或链接已失效 (unknown order or token)')

/** The order, if it still waits for payment at `now`; 409 ORDER_NOT_PAYABLE once it is paid, cancelled or late. */
function assertPayable(order: Order, now: number): void {
  if (order.status !== 'pending_payment')
    throw new CommerceError('ORDER_NOT_PAYABLE', 409, `订单${orderStatusLabel(order.status)}，无需支付 (order is ${order.status})`)
  if (order.expiresAt && Date.parse(order.expiresAt) <= now)
    throw new CommerceError('ORDER_NOT_PAYABLE', 409, '订单已超时，请重新下单 (the payment window has closed)')
}

async function paymentsOf(payload: Payload, orderId: string): Promise<Payment[]> {
  const { docs } = await payload.find({
    collection: 'payments',
    where: { order: { equals: orderId } },
    sort: '-attempt',
    limit: 5,
    depth: 0,
    overrideAccess: true,
  })
  return docs as Payment[]
}

/** The prepay for the order's pending attempt: the stored one, or the next attempt's, asked of WeChat Pay now. */
export async function preparePayment(payload: Payload, number: string, token: string | undefined, ctx: CheckoutContext = {}): Promise<PaymentInstructions> {
  // A wrong link is a 404 before anything else, also where no payment can be taken (the gateway's 503).
  const order = await orderByNumberAndToken(payload, number, token)
  if (!order) throw notFound()
  const gateway = payGateway(ctx.origin)
  assertPayable(order, gateway.now())
  const payments = await paymentsOf(payload, order.id)
  const pending = payments.find((p) => p.status === 'pending')
  if (pending) return instructionsFor(pending, order, token!, gateway)
  try {
    return await startPayment(payload, order, token!, order.channel as PayChannel, ctx, gateway, (payments[0]?.attempt ?? 0) + 1)
  } catch (error) {
    // A concurrent first tap wrote the attempt (its out_trade_no is unique): answer with that one.
    const written = (await paymentsOf(payload, order.id)).find((p) => p.status === 'pending')
    if (written) return instructionsFor(written, order, token!, gateway)
    if (error instanceof CommerceError) throw error
    const detail = error instanceof WechatPayError ? `${error.code} ${error.message}` : (error as Error).message
    payload.logger.error({ msg: 'prepay failed', order: order.number, detail })
    throw new CommerceError('PAYMENT_UNAVAILABLE', 502, '微信支付暂时不可用，请稍后再试 (payment provider unavailable)')
  }
}
