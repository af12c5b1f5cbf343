// The no-JavaScript purchase path: the landing page's form posts here, and we redirect (303) to payment.
import config from '@payload-config'
import { getPayload } from 'payload'

import { checkoutAdmission } from '@/commerce/admission'
import { checkout } from '@/commerce/checkout'
import { checkoutContextFor } from '@/commerce/endpoints'
import { parseCheckoutBody } from '@/commerce/validateCheckout'
import { saleStartLabel } from '@/platform/beijingTime'
import { AppError } from '@/platform/errors'

export const dynamic = 'force-dynamic'

/** ?from/b/sharer of the landing page, from the form (JS) or else from the Referer (no JS). */
function attribution(form: FormData, request: Request, slug: string) {
  let ref: URLSearchParams | undefined
  try {
    // Only our own landing page of this product counts (the host may be spelled differently behind a proxy).
    const referer = new URL(request.headers.get('referer') ?? '')
    if (decodeURIComponent(referer.pathname) === `/p/${slug}`) ref = referer.searchParams
  } catch {
    ref = undefined
  }
  const pick = (k: string) => (String(form.get(k) ?? '') || ref?.get(k) || undefined)?.slice(0, 64)
  const b = pick('b')
  const a = { article: pick('from'), block: b && /^\d{1,4}$/.test(b) ? Number(b) : undefined, sharer: pick('sharer') }
  return a.article || a.block !== undefined || a.sharer ? a : undefined
}

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  const back = (code: string, retryAfterS?: number, details?: Record<string, string | number>) => {
    const query = new URLSearchParams({ error: code })
    if (retryAfterS) query.set('retry', String(retryAfterS))
    // 秒杀: the start time (NOT_STARTED) and the limit (LIMIT_REACHED) make the error page's message concrete.
    for (const key of ['startsAt', 'limit', 'remaining'] as const) if (details?.[key] !== undefined) query.set(key, String(details[key]))
    return new Response(null, { status: 303, headers: { location: `/p/${encodeURIComponent(slug)}/buy?${query}` } })
  }
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return back('INVALID_BODY')
  }
  const ua = request.headers.get('user-agent') ?? ''
  const buyer = {
    name: String(form.get('name') ?? '').trim(),
    phone: String(form.get('phone') ?? '').trim(),
    address: String(form.get('address') ?? '').trim(),
  }
  const payload = await getPayload({ config })
  try {
    const input = parseCheckoutBody({
      items: [
        { product: String(form.get('product') ?? ''), variant: String(form.get('variant') ?? '') || undefined, quantity: Number(form.get('quantity') ?? 1) },
      ],
      // Inside WeChat the official-account (JSAPI) payment; elsewhere H5. Both end on a pay page in the sandbox.
      channel: /MicroMessenger/i.test(ua) ? 'jsapi' : 'h5',
      buyer: buyer.name || buyer.phone || buyer.address ? buyer : undefined,
      attribution: attribution(form, request, slug),
      // A claimed coupon's code (optional): validated and priced by checkout for the reader of the tw_member cookie.
      coupon: String(form.get('coupon') ?? '').trim() || undefined,
    })
    const ctx = await checkoutContextFor(payload, request)
    const result = await checkoutAdmission.run(() => checkout(payload, input, ctx))
    const location = result.payment.payUrl ?? result.orderUrl
    return new Response(null, { status: 303, headers: { location } })
  } catch (error) {
    // Every refusal (stock, limits, overload…) is an AppError: its code, Retry-After and details make the error page.
    if (error instanceof AppError) return back(error.code, Number(error.headers['retry-after']) || undefined, error.details)
    payload.logger.error({ msg: 'buy form failed', err: error })
    return back('INTERNAL')
  }
}

const MESSAGES: Record<string, string> = {
  OUT_OF_STOCK: '库存不足，已售罄或剩余数量不够',
  UNKNOWN_PRODUCT: '商品不存在或已下架',
  VARIANT_REQUIRED: '请先选择规格',
  UNKNOWN_VARIANT: '所选规格不存在或已下架，请重新选择',
  PAYMENT_UNAVAILABLE: '微信支付暂时不可用，请稍后再试',
  MAX_PER_ORDER: '超过每单限购数量，请减少购买件数',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  BUSY: '排队人数较多，请稍后再试',
  INVALID_BODY: '请检查填写的信息（手机号、数量）',
  INVALID_COUPON: '优惠券无效，请检查券码',
  COUPON_NOT_FOUND: '没有找到这张优惠券（请在领券的设备上使用）',
  COUPON_USED: '这张优惠券已经用过了',
  COUPON_NOT_STARTED: '优惠券尚未到使用时间',
  COUPON_EXPIRED: '优惠券已过期',
  COUPON_MIN_SPEND_NOT_MET: '未达到优惠券的最低消费金额',
  COUPON_WRONG_BRAND: '该优惠券不适用于此品牌的商品',
  NOT_STARTED: '秒杀还没开始，请到开抢时间再来',
  BUYER_REQUIRED: '这件商品每人限购，请在「收货信息」里填写手机号后再下单',
  LIMIT_REACHED: '已达到每人限购数量，不能再买了',
}

/** The 秒杀 messages with the details the redirect carried (start time, limit, what is left); the plain message otherwise. */
function detailedMessage(code: string, query: URLSearchParams): string | undefined {
  if (code === 'NOT_STARTED') {
    const at = Date.parse(query.get('startsAt') ?? '')
    return Number.isFinite(at) ? `秒杀还没开始：${saleStartLabel(at)}（北京时间），请到时再来` : undefined
  }
  if (code === 'LIMIT_REACHED') {
    const limit = Number(query.get('limit'))
    const remaining = Number(query.get('remaining'))
    if (!Number.isInteger(limit) || limit < 1 || limit > 999) return undefined
    return Number.isInteger(remaining) && remaining > 0 && remaining < limit
      ? `每人限购 ${limit} 件，您还可以买 ${remaining} 件，请减少数量`
      : `每人限购 ${limit} 件，您已达到限购数量`
  }
  return undefined
}

const STATUS: Record<string, number> = { OUT_OF_STOCK: 409, RATE_LIMITED: 429, PAYMENT_UNAVAILABLE: 503, BUSY: 503, NOT_STARTED: 409, LIMIT_REACHED: 409 }

/** Where a failed form post lands (the cached product page stays free of query-dependent output). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  const query = new URL(request.url).searchParams
  const code = query.get('error') ?? ''
  const retry = Number(query.get('retry'))
  const message = detailedMessage(code, query) ?? MESSAGES[code] ?? '下单失败，请重试'
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>下单未成功</title></head>
<body style="font-family:-apple-system,'PingFang SC',sans-serif;padding:24px;text-align:center"><p role="alert" data-error="${esc(code)}">${esc(message)}</p>
<p><a href="/p/${esc(encodeURIComponent(slug))}">返回商品页</a></p></body></html>`
  const status = STATUS[code] ?? 400
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
  if ((status === 429 || code === 'BUSY') && Number.isInteger(retry) && retry > 0 && retry < 3600) headers['retry-after'] = String(retry)
  return new Response(html, { status, headers })
}
