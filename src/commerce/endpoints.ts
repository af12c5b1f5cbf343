// Payload custom endpoints (mounted under /api by the REST route): checkout, the buyer's prepay, the WeChat Pay
// callback and fresh stock.
import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { readCheckoutProducts } from '@/db/checkoutProducts'
import { readerIdFor } from '@/notifications/reader'
import { errorResponse } from '@/platform/errors'
import { clientIp, publicOrigin } from '@/platform/http/origin'
import { readerOf } from '@/platform/reader'

import { checkoutAdmission } from './admission'
import { checkout, type CheckoutContext } from './checkout'
import { invalid } from './errors'
import { handleWechatPayNotification } from './notify'
import { NOTIFY_PATH } from './payGateway'
import { preparePayment } from './preparePayment'
import { parseCheckoutBody } from './validateCheckout'

export const MAX_CHECKOUT_BODY = 16 * 1024

/** Who is buying, from the request: address, origin, the WeChat reader and the community reader (both cookies). */
export async function checkoutContextFor(payload: Payload, request: { headers: Headers; url?: string | null }, userId?: string): Promise<CheckoutContext> {
  const reader = readerOf(request)
  return {
    origin: publicOrigin(request),
    clientIp: clientIp(request.headers),
    userAgent: request.headers.get('user-agent') ?? undefined,
    userId,
    readerId: await readerIdFor(payload, reader),
    // No member cookie is set here: no cookie, no coupon.
    readerKey: reader.readerKey,
    visitor: reader.funnelVisitor,
  }
}

async function readJson(req: { headers: Headers; text?: () => Promise<string> }): Promise<unknown> {
  const type = req.headers.get('content-type') ?? ''
  if (!type.includes('application/json')) throw invalid('body', 'Content-Type must be application/json')
  const text = req.text ? await req.text() : ''
  if (text.length > MAX_CHECKOUT_BODY) throw invalid('body', 'too large')
  try {
    return JSON.parse(text)
  } catch {
    throw invalid('body', 'is not valid JSON')
  }
}

type CheckoutRequest = { headers: Headers; url?: string | null; text?: () => Promise<string> }

/** POST /api/checkout's answer, from Payload's REST route or the direct route of scripts/server.mjs (./directCheckout.ts). */
export async function answerCheckout(payload: Payload, request: CheckoutRequest, userId?: string): Promise<Response> {
  try {
    const input = parseCheckoutBody(await readJson(request))
    const ctx = await checkoutContextFor(payload, request, userId)
    const result = await checkoutAdmission.run(() => checkout(payload, input, ctx))
    return Response.json(result, { status: 201, headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    return errorResponse(error, { logger: payload.logger, logAs: 'checkout failed', internalMessage: '下单失败，请重试 (internal error)' })
  }
}

export const checkoutEndpoint: Endpoint = {
  path: '/checkout',
  method: 'post',
  handler: (req: PayloadRequest) => answerCheckout(req.payload, req, req.user?.collection === 'users' ? String(req.user.id) : undefined),
}

/**
 * POST /api/checkout/:number/prepay?t=<token> → 200 { payment }: the prepay the checkout answer's `prepayUrl` names
 * (./preparePayment.ts) — the same attempt however often it is asked; 404 for a wrong number or token, 409
 * ORDER_NOT_PAYABLE once the order is paid, cancelled or past its payment window.
 */
export const prepayEndpoint: Endpoint = {
  path: '/checkout/:number/prepay',
  method: 'post',
  handler: async (req) => {
    try {
      const number = String(req.routeParams?.number ?? '')
      const token = new URL(req.url ?? 'http://x').searchParams.get('t') ?? undefined
      const ctx = await checkoutContextFor(req.payload, req)
      const payment = await checkoutAdmission.run(() => preparePayment(req.payload, number, token, ctx))
      return Response.json({ payment }, { headers: { 'cache-control': 'no-store' } })
    } catch (error) {
      return errorResponse(error, { logger: req.payload.logger, logAs: 'prepay failed', internalMessage: '支付准备失败，请重试 (internal error)' })
    }
  },
}

export const wechatPayNotifyEndpoint: Endpoint = {
  path: NOTIFY_PATH.replace(/^\/api/, ''),
  method: 'post',
  handler: async (req) => {
    const body = req.text ? await req.text() : ''
    try {
      return await handleWechatPayNotification(req.payload, { headers: req.headers, body, url: req.url })
    } catch (error) {
      // 5xx: WeChat Pay retries on its schedule; settlement is idempotent, so a retry is always safe.
      req.payload.logger.error({ msg: 'wechatpay notify failed', err: error })
      return new Response(JSON.stringify({ code: 'FAIL', message: 'internal error' }), { status: 500, headers: { 'content-type': 'application/json' } })
    }
  },
}

/**
 * GET /api/stock?ids=a,b → { stock: { a: 3 }, variants: { a: { "LJ-50G": 1, "LJ-250G": 2 } } }: fresh stock for cached
 * landing pages (published products only); `variants` lists per-SKU stock of the products that have variants.
 */
export const stockEndpoint: Endpoint = {
  path: '/stock',
  method: 'get',
  handler: async (req) => {
    const ids = String(new URL(req.url ?? 'http://x').searchParams.get('ids') ?? '')
      .split(',')
      .filter((id) => id && id.length <= 64)
      .slice(0, 20)
    const rows = await readCheckoutProducts(req.payload, ids)
    const published = rows.filter((r) => r.status === 'published')
    const stock = Object.fromEntries(published.map((r) => [r.id, Math.max(0, r.stock)]))
    const variants = Object.fromEntries(
      published.filter((r) => r.variants.length).map((r) => [r.id, Object.fromEntries(r.variants.map((v) => [v.sku, Math.max(0, v.stock)]))]),
    )
    return Response.json({ stock, variants }, { headers: { 'cache-control': 'no-store' } })
  },
}

export const commerceEndpoints: Endpoint[] = [checkoutEndpoint, prepayEndpoint, wechatPayNotifyEndpoint, stockEndpoint]
