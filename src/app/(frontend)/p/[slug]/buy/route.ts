// Placing an order from the 确认订单 page (./../confirm/page.tsx), without JavaScript: the form posts here and we
// redirect (303) to payment, or back to the 确认订单 page with the refusal shown inline (the reader's input kept:
// the address in its cookie, the rest in the query).
import config from '@payload-config'
import { getPayload } from 'payload'

import { checkoutAdmission } from '@/commerce/admission'
import { checkout } from '@/commerce/checkout'
import { checkoutContextFor } from '@/commerce/endpoints'
import { requireShippingAddress } from '@/commerce/requireShippingAddress'
import { parseCheckoutBody } from '@/commerce/validateCheckout'
import { AppError } from '@/platform/errors'
import { cookiesSecure } from '@/platform/http/origin'
import { addressCookie } from '@/platform/reader/shippingAddress'

export const dynamic = 'force-dynamic'

/** What the 确认订单 page needs to show the same order again (never the address: that travels in its cookie). */
const ORDER_KEYS = ['variant', 'quantity', 'from', 'b', 'sharer', 'coupon'] as const

function confirmUrl(
  slug: string,
  values: URLSearchParams,
  refusal?: { code: string; field?: string; retryAfterS?: number; details?: Record<string, unknown> },
) {
  const query = new URLSearchParams()
  for (const key of ORDER_KEYS) {
    const value = values.get(key)
    if (value) query.set(key, value.slice(0, 64))
  }
  if (refusal) {
    query.set('error', refusal.code)
    if (refusal.field) query.set('field', refusal.field)
    if (refusal.retryAfterS) query.set('retry', String(refusal.retryAfterS))
    // 秒杀: the start time (NOT_STARTED) and the limit (LIMIT_REACHED) make the message concrete.
    // …and every wrong field of the address (`fields`), so the page marks them all.
    for (const key of ['startsAt', 'limit', 'remaining', 'fields'] as const) {
      const detail = refusal.details?.[key]
      if (typeof detail === 'string' || typeof detail === 'number') query.set(key, String(detail))
    }
  }
  return `/p/${encodeURIComponent(slug)}/confirm?${query}`
}

const seeOther = (location: string, cookie?: string) =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store', ...(cookie ? { 'set-cookie': cookie } : {}) } })

function attribution(form: URLSearchParams) {
  const pick = (k: string) => form.get(k)?.slice(0, 64) || undefined
  const b = pick('b')
  const a = { article: pick('from'), block: b && /^\d{1,4}$/.test(b) ? Number(b) : undefined, sharer: pick('sharer') }
  return a.article || a.block !== undefined || a.sharer ? a : undefined
}

async function formOf(request: Request): Promise<URLSearchParams | undefined> {
  try {
    const data = await request.formData()
    const values = new URLSearchParams()
    for (const [key, value] of data) if (typeof value === 'string') values.set(key, value.trim())
    return values
  } catch {
    return undefined
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  const form = await formOf(request)
  if (!form) return seeOther(confirmUrl(slug, new URLSearchParams(), { code: 'INVALID_BODY' }))
  const buyer = { name: form.get('name') ?? '', phone: form.get('phone') ?? '', address: form.get('address') ?? '' }
  // Remembered on this device (also when refused, so the 确认订单 page shows what was typed).
  const remember = buyer.name || buyer.phone || buyer.address ? addressCookie(buyer, cookiesSecure(request)) : undefined
  const payload = await getPayload({ config })
  try {
    const input = parseCheckoutBody({
      items: [{ product: form.get('product') ?? '', variant: form.get('variant') || undefined, quantity: Number(form.get('quantity') ?? 1) }],
      // Inside WeChat the official-account (JSAPI) payment; elsewhere H5. Both end on a pay page in the sandbox.
      channel: /MicroMessenger/i.test(request.headers.get('user-agent') ?? '') ? 'jsapi' : 'h5',
      buyer,
      attribution: attribution(form),
      // A claimed coupon's code (optional): validated and priced by checkout for the reader of the tw_member cookie.
      coupon: form.get('coupon') || undefined,
    })
    requireShippingAddress(input.buyer)
    const ctx = await checkoutContextFor(payload, request)
    const result = await checkoutAdmission.run(() => checkout(payload, input, ctx))
    return seeOther(result.payment.payUrl ?? result.orderUrl, remember)
  } catch (error) {
    // Every refusal (stock, limits, overload, bad input…) is an AppError: its code, field, Retry-After and details.
    if (error instanceof AppError) {
      const refusal = { code: error.code, field: error.field, retryAfterS: Number(error.headers['retry-after']) || undefined, details: error.details }
      return seeOther(confirmUrl(slug, form, refusal), remember)
    }
    payload.logger.error({ msg: 'buy form failed', err: error })
    return seeOther(confirmUrl(slug, form, { code: 'INTERNAL' }), remember)
  }
}

/** The former error page's address (bookmarks, old cached pages): the 确认订单 page shows the same refusal. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  const query = new URL(request.url).search
  return seeOther(`/p/${encodeURIComponent(slug)}/confirm${query}`)
}
