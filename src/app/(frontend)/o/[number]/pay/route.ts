// 去支付 without JavaScript: the checkout answer's `payUrl` (and the order page's button). Obtains the prepay of the
// order's attempt (src/commerce/preparePayment.ts) and sends the buyer on with a 303: to the 沙箱 pay page or
// WeChat Pay's H5 cashier; to the order page for what only it can show (a live Native QR code, a live JSAPI button)
// and for every refusal (the order page says why: 排队人数较多, an order no longer payable, a wrong link's 404).
import config from '@payload-config'
import { getPayload } from 'payload'

import { checkoutAdmission } from '@/commerce/admission'
import { checkoutContextFor } from '@/commerce/endpoints'
import { orderPath } from '@/commerce/orderToken'
import { preparePayment } from '@/commerce/preparePayment'
import { AppError } from '@/platform/errors'

export const dynamic = 'force-dynamic'

const seeOther = (location: string) =>
  // The URL carries the buyer's token: the next page must not receive it as a Referer.
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } })

export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }): Promise<Response> {
  const number = decodeURIComponent((await params).number)
  const token = new URL(request.url).searchParams.get('t') ?? ''
  const payload = await getPayload({ config })
  const orderPage = orderPath(number, token)
  try {
    const ctx = await checkoutContextFor(payload, request)
    const payment = await checkoutAdmission.run(() => preparePayment(payload, number, token, ctx))
    return seeOther(payment.payUrl ?? orderPage)
  } catch (error) {
    // The order page says what went wrong (a wrong link is its 404, a paid or cancelled order its status).
    if (!(error instanceof AppError)) payload.logger.error({ msg: 'pay route failed', err: error })
    return seeOther(`${orderPage}&pay_error=${error instanceof AppError ? error.code : 'INTERNAL'}`)
  }
}
