// POST /api/checkout: validate → price from the database → one atomic step that holds the stock and writes the
// pending_payment order with its history and outbox (src/db/orderPlacement.ts) → the WeChat Pay payment for the
// chosen channel is named, not obtained (./preparePayment.ts gets it when the buyer taps 去支付). Whatever was taken before
// the step (coupon, allowances, limits) is given back when it fails.
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { quoteCouponClaim, releaseCouponClaim, useCouponClaim } from '@/communities/coupons/redeem'
import { type CheckoutProductRow, type CheckoutVariantRow, readCheckoutProducts } from '@/db/checkoutProducts'
import { newOrderId, type OrderToPlace, placeOrder as placeOrderAtomically } from '@/db/orderPlacement'
import { insertPayment } from '@/db/payments'
import { type StockLine, sumLines } from '@/db/stock'
import type { Order, Payment } from '@/payload-types'
import { giveBackLimit, takeLimit } from '@/platform/limits'
import { kickOutbox } from '@/platform/outbox'
import { encryptSecret } from '@/platform/secrets'
import { requiredIdOf } from '@/utilities/idOf'
import { newOutTradeNo } from '@/wechat/pay/outTradeNo'
import type { PayChannel } from '@/wechat/pay/types'

import { CommerceError, type CommerceErrorCode } from './errors'
import { assertSaleStarted, takeBuyerAllowance } from './flashSale'
import { newOrderNumber, newOrderToken, orderPath, payPath, prepayPath } from './orderToken'
import { orderStepMessage } from './outboxHandlers'
import { type PayGateway, payGateway, PAYMENT_UNAVAILABLE_MESSAGE, paymentsAvailable } from './payGateway'
import { knownSoldOut, markSoldOut } from './soldOut'
import type { CheckoutInput } from './validateCheckout'

export const PAYMENT_WINDOW_MS = Number(process.env.TUIWEN_PAYMENT_WINDOW_MS) || 15 * 60_000
/** Units of one product per order when the product sets no 每单限购 of its own. */
export const DEFAULT_MAX_PER_ORDER = 20

export type CheckoutContext = {
  /** The public origin the buyer reached us on (src/platform/http/origin.ts): pay pages and return links. */
  origin?: string
  /** The client address (src/platform/http/origin.ts), for abuse limits and WeChat Pay's H5 payer IP. */
  clientIp?: string
  userId?: string
  openid?: string
  userAgent?: string
  /** `customers` id of the WeChat reader (OAuth cookie), who gets the order notifications (src/notifications). */
  readerId?: string
  /** The reader behind the verified `tw_member` cookie (src/platform/reader/member.ts); a coupon must be theirs. */
  readerKey?: string
  /** The hashed funnel visitor (`tw_vid`, src/platform/reader/funnelVisitor.ts), so the funnel counts unique buyers. */
  visitor?: string
}

export type PaymentInstructions = {
  channel: PayChannel
  outTradeNo: string
  sandbox: boolean
  expiresAt: string
  /** jsapi: the WeixinJSBridge getBrandWCPayRequest bundle (§4.4). */
  jsapi?: Record<string, string>
  /** h5: h5_url (append redirect_url); native: code_url (render as QR). */
  h5Url?: string
  codeUrl?: string
  /**
   * A URL the browser can open to pay. In the checkout answer: our pay route, which obtains the prepay and sends the
   * buyer on. From the prepay: the sandbox pay page, or h5_url with redirect_url; absent for live jsapi/native.
   */
  payUrl?: string
  /** Checkout answer only: POST here for this payment's prepay data (jsapi bundle, code_url, h5_url). */
  prepayUrl?: string
}

export type CheckoutResult = {
  /** `subtotal` and `discount` (fen) are present only when a coupon was applied; `total` = subtotal − discount. */
  order: { id: string; number: string; status: 'pending_payment'; total: number; subtotal?: number; discount?: number }
  payment: PaymentInstructions
  orderUrl: string
}

const skuList = (product: CheckoutProductRow) => product.variants.map((v) => v.sku).join(', ')

async function loadProducts(payload: Payload, input: CheckoutInput): Promise<Map<string, CheckoutProductRow>> {
  const ids = [...new Set(input.items.map((i) => i.product))]
  // Only published products can be bought (the public read rule of Products); drafts are "not found".
  const rows = await readCheckoutProducts(payload, ids)
  const byId = new Map(rows.filter((p) => p.status === 'published').map((p) => [p.id, p]))
  input.items.forEach((item, i) => {
    const product = byId.get(item.product)
    if (!product) throw new CommerceError('UNKNOWN_PRODUCT', 400, `items[${i}].product: 商品不存在或未上架 (unknown product)`, `items[${i}].product`)
    const field = `items[${i}].variant`
    // A variant is never silently ignored, and a SKU is always checked against its own stock (payload#17866).
    if (!product.variants.length) {
      if (item.variant)
        throw new CommerceError('UNKNOWN_VARIANT', 400, `${field}: 规格不存在 (unknown variant "${item.variant}"; this product has no variants)`, field)
    } else if (!item.variant) {
      throw new CommerceError('VARIANT_REQUIRED', 400, `${field}: 请选择规格 (this product is sold per variant; one of: ${skuList(product)})`, field)
    } else if (!product.variants.some((v) => v.sku === item.variant)) {
      throw new CommerceError('UNKNOWN_VARIANT', 400, `${field}: 规格不存在 (unknown variant "${item.variant}"; one of: ${skuList(product)})`, field)
    }
  })
  const brands = new Set([...byId.values()].map((p) => p.brand))
  if (brands.size > 1) throw new CommerceError('MIXED_BRANDS', 400, 'items: 不同品牌的商品请分开下单 (products of different brands)', 'items')
  return byId
}

/** 每单限购: no order takes more units of one product than the product allows (hoarding a launch's stock). */
function checkMaxPerOrder(input: CheckoutInput, products: Map<string, CheckoutProductRow>): void {
  const perProduct = new Map<string, number>()
  for (const item of input.items) perProduct.set(item.product, (perProduct.get(item.product) ?? 0) + item.quantity)
  for (const [id, quantity] of perProduct) {
    const product = products.get(id)!
    const max = product.maxPerOrder ?? DEFAULT_MAX_PER_ORDER
    if (quantity > max) {
      const i = input.items.findIndex((item) => item.product === id)
      throw new CommerceError(
        'MAX_PER_ORDER',
        400,
        `items[${i}].quantity: 「${product.title}」每单限购 ${max} 件 (at most ${max} per order)`,
        `items[${i}].quantity`,
      )
    }
  }
}

/** The shortest payment window of the order's products (a flash-sale product returns unpaid stock sooner). */
const paymentWindowMs = (products: Map<string, CheckoutProductRow>) =>
  Math.min(...[...products.values()].map((p) => (p.paymentWindowMinutes ? p.paymentWindowMinutes * 60_000 : PAYMENT_WINDOW_MS)))

const variantOf = (product: CheckoutProductRow, sku: string | undefined): CheckoutVariantRow | undefined =>
  sku ? product.variants.find((v) => v.sku === sku) : undefined

const COUPON_CODES: Record<string, CommerceErrorCode> = {
  CLAIM_NOT_FOUND: 'COUPON_NOT_FOUND',
  CLAIM_USED: 'COUPON_USED',
  NOT_STARTED: 'COUPON_NOT_STARTED',
  EXPIRED: 'COUPON_EXPIRED',
  MIN_SPEND_NOT_MET: 'COUPON_MIN_SPEND_NOT_MET',
  WRONG_BRAND: 'COUPON_WRONG_BRAND',
}
const couponError = (reason: string, message: string) => new CommerceError(COUPON_CODES[reason] ?? 'INVALID_COUPON', 400, `coupon: ${message}`, 'coupon')

/**
 * Quotes the reader's claimed coupon against the DB subtotal and marks it used by `orderRef` (the order number)
 * in one compare-and-set, so of two concurrent checkouts with the same coupon exactly one gets it. The discount
 * is capped at subtotal − 1 fen: WeChat Pay rejects a 0-fen payment, so a coupon never makes an order free.
 */
async function takeCoupon(payload: Payload, code: string, at: { readerKey?: string; subtotal: number; brand: string; now: number; orderRef: string }) {
  if (!at.readerKey) throw couponError('CLAIM_NOT_FOUND', '没有找到这张优惠券')
  const quote = await quoteCouponClaim(payload, { codes: [code], readerKey: at.readerKey, subtotal: at.subtotal, orderBrand: at.brand, now: new Date(at.now) })
  if (!quote.ok) throw couponError(quote.reason, quote.message)
  if (!(await useCouponClaim(payload, quote.claimId, at.orderRef))) throw couponError('CLAIM_USED', '这张优惠券已经用过了')
  return { claimId: quote.claimId, discount: Math.max(0, Math.min(quote.discount, at.subtotal - 1)) }
}

/**
 * Validated input → held stock + a pending_payment order. No payment yet. Order: price from the DB → 秒杀 start and
 * per-buyer units (./flashSale.ts) → take the coupon (if any; a bad coupon fails here, before any stock is held) →
 * hold stock → create the order. A step that fails gives back what the earlier ones took (the buyer's units, the
 * coupon claim, the stock).
 */
export async function placeOrder(payload: Payload, input: CheckoutInput, ctx: CheckoutContext = {}, now = Date.now()) {
  const lines = sumLines(input.items)
  // Sold out is cheap: a SKU this instance saw at 0 a moment ago is answered without a query (./soldOut.ts).
  if (knownSoldOut(lines)) throw new CommerceError('OUT_OF_STOCK', 409, '已抢光，库存不足 (out of stock)')
  const products = await loadProducts(payload, input)
  const empty = lines.find((line) => availableOf(products.get(line.product), line) <= 0)
  if (empty) {
    markSoldOut(empty)
    throw new CommerceError('OUT_OF_STOCK', 409, `「${lineName(products, empty)}」库存不足 (out of stock)`)
  }
  checkMaxPerOrder(input, products)
  assertSaleStarted(products.values(), now) // 秒杀: 409 NOT_STARTED before saleStartsAt, nothing taken
  const allowance = await takeBuyerAllowance(payload, input, products, ctx) // 每人限购: given back below on any failure
  const items = input.items.map((item) => {
    const product = products.get(item.product)!
    const variant = variantOf(product, item.variant)
    // The variant's own price when it has one; the product's otherwise. Never a price from the request.
    const unitPrice = variant?.price ?? product.price
    return variant
      ? {
          product: product.id,
          variant: variant.sku,
          variantName: variant.name,
          title: `${product.title}（${variant.name}）`,
          unitPrice,
          quantity: item.quantity,
        }
      : { product: product.id, title: product.title, unitPrice, quantity: item.quantity }
  })
  const subtotal = items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0)
  const brand = products.get(input.items[0].product)!.brand
  const number = newOrderNumber(now)
  const coupon = input.coupon
    ? await takeCoupon(payload, input.coupon, { readerKey: ctx.readerKey, subtotal, brand, now, orderRef: number }).catch(allowance.giveBackAndThrow)
    : undefined
  const giveCouponBack = async () => {
    if (coupon) await releaseCouponClaim(payload, coupon.claimId, number).catch(() => false)
  }
  const discount = coupon?.discount ?? 0
  const total = subtotal - discount
  try {
    await takeLimit(payload, 'holds', ctx.clientIp)
  } catch (error) {
    await giveCouponBack()
    await allowance.giveBack()
    throw error
  }
  const giveHoldBack = () => giveBackLimit(payload, 'holds', ctx.clientIp)
  const compensate = async () => {
    await giveCouponBack()
    await allowance.giveBack()
    await giveHoldBack()
  }
  const { token, hash } = newOrderToken()
  const order = {
    id: newOrderId(),
    number,
    items,
    subtotal,
    discount,
    total,
    couponClaim: coupon?.claimId,
    buyerKey: allowance.buyerKey ?? undefined,
    buyer: input.buyer,
    customer: ctx.userId,
    reader: ctx.readerId,
    attribution: { ...input.attribution, visitor: ctx.visitor },
    channel: input.channel,
    expiresAt: new Date(now + paymentWindowMs(products)).toISOString(),
    accessTokenHash: hash,
    accessTokenEncrypted: encryptSecret(token), // the buyer's notification link (src/notifications)
    brand,
  } satisfies OrderToPlace
  const step = orderStepMessage({ order: order.id, type: 'checkout_started', brand, product: items[0].product, visitor: ctx.visitor, ...attributionOf(input) })
  let placed: boolean
  try {
    // Stock, order, items, first history row and the funnel step: one atomic step (src/db/orderPlacement.ts).
    placed = await placeOrderAtomically(payload, {
      order,
      lines,
      history: { reason: 'checkout', actor: ctx.userId ? `user:${ctx.userId}` : 'guest' },
      outbox: [step],
    })
  } catch (error) {
    await compensate() // nothing was written: the step is all or nothing
    throw error
  }
  if (!placed) {
    await compensate()
    throw await outOfStock(payload, lines, products)
  }
  kickOutbox(payload)
  return { order: { ...order, status: 'pending_payment' } as unknown as Order, token }
}

const attributionOf = (input: CheckoutInput) => {
  const a = input.attribution ?? {}
  return { article: a.article ?? undefined, block: typeof a.block === 'number' ? a.block : undefined, sharer: a.sharer ?? undefined }
}

const lineName = (products: Map<string, CheckoutProductRow>, line: StockLine) => {
  const product = products.get(line.product)
  const variant = product && variantOf(product, line.variant)
  return `${product?.title ?? ''}${variant ? `（${variant.name}）` : ''}`
}

const availableOf = (product: CheckoutProductRow | undefined, line: StockLine) =>
  (line.variant ? variantOf(product!, line.variant)?.stock : product?.stock) ?? 0

/**
 * The 409 for a hold that failed. The stock is read again (only on this path) so that what is now at 0 is
 * remembered as sold out: the crowd behind this buyer is answered without touching the database.
 */
async function outOfStock(payload: Payload, lines: StockLine[], products: Map<string, CheckoutProductRow>): Promise<CommerceError> {
  const fresh = new Map((await readCheckoutProducts(payload, [...new Set(lines.map((l) => l.product))])).map((p) => [p.id, p]))
  for (const line of lines) if (availableOf(fresh.get(line.product), line) <= 0) markSoldOut(line)
  const short = lines.find((l) => availableOf(fresh.get(l.product), l) < l.quantity) ?? lines[0]
  return new CommerceError('OUT_OF_STOCK', 409, `「${lineName(products, short)}」库存不足 (out of stock)`)
}

function description(order: Pick<Order, 'items'>): string {
  const first = order.items[0]
  const text = order.items.length > 1 ? `${first.title} 等${order.items.length}件商品` : first.title
  return text.slice(0, 120)
}

/** What startPayment needs of an order (a placed one, or one read back for the buyer's 去支付). */
export type PayableOrder = Pick<Order, 'id' | 'number' | 'total' | 'items' | 'expiresAt' | 'brand'>

/** A payment attempt as stored (src/db/payments.ts): enough to answer the buyer again without a new prepay. */
export type StoredPayment = Pick<Payment, 'channel' | 'outTradeNo' | 'sandbox' | 'prepayId' | 'payUrl' | 'payerOpenid'>

const withRedirect = (url: string, returnUrl: string) => {
  const u = new URL(url)
  u.searchParams.set('redirect_url', returnUrl)
  return u.toString()
}

/**
 * The channel's pay data for a stored attempt. A JSAPI bundle is signed afresh (one signature, never stored); the
 * URLs come from the row. Never our own pay route: a caller redirecting to `payUrl` must not land here again.
 */
export function instructionsFor(payment: StoredPayment, order: PayableOrder, token: string, gateway: PayGateway): PaymentInstructions {
  const channel = payment.channel as PayChannel
  const returnUrl = new URL(orderPath(order.number, token), gateway.origin).toString()
  const expiresAt = order.expiresAt ?? new Date(gateway.now() + PAYMENT_WINDOW_MS).toISOString()
  const result: PaymentInstructions = { channel, outTradeNo: payment.outTradeNo, sandbox: Boolean(payment.sandbox), expiresAt }
  if (channel === 'jsapi' && payment.prepayId) {
    const payParams = gateway.client.jsapiPayParams(payment.prepayId)
    result.jsapi = payParams as unknown as Record<string, string>
    if (gateway.jsapiPayUrl && payment.payerOpenid) result.payUrl = gateway.jsapiPayUrl(payParams, { openid: payment.payerOpenid, redirectUrl: returnUrl })
  } else if (channel === 'h5' && payment.payUrl) {
    result.h5Url = payment.payUrl
    result.payUrl = withRedirect(payment.payUrl, returnUrl)
  } else if (channel === 'native' && payment.payUrl) {
    result.codeUrl = payment.payUrl
    if (payment.sandbox) result.payUrl = withRedirect(payment.payUrl, returnUrl)
  }
  return result
}

/** Creates payment attempt `attempt` with its own out_trade_no and asks WeChat Pay for the channel's prepay data. */
export async function startPayment(
  payload: Payload,
  order: PayableOrder,
  token: string,
  channel: PayChannel,
  ctx: CheckoutContext,
  gateway: PayGateway,
  attempt: number,
): Promise<PaymentInstructions> {
  const outTradeNo = newOutTradeNo(order.number, attempt)
  const sandbox = gateway.mode === 'sandbox'
  const openid = ctx.openid ?? (sandbox ? `oSandbox${crypto.randomBytes(10).toString('hex')}` : undefined)
  if (channel === 'jsapi' && !openid) throw jsapiNeedsOpenid()
  const expiresAt = order.expiresAt ?? new Date(gateway.now() + PAYMENT_WINDOW_MS).toISOString()
  const base = {
    description: description(order),
    outTradeNo,
    amountFen: order.total,
    timeExpire: new Date(expiresAt),
    notifyUrl: gateway.notifyUrl,
    attach: order.id,
  }
  const client = gateway.client
  let prepayId: string | undefined
  let payUrl: string | undefined
  if (channel === 'jsapi') {
    prepayId = (await client.prepayJsapi({ ...base, openid: openid! })).prepayId
  } else if (channel === 'h5') {
    const ua = ctx.userAgent ?? ''
    const { h5Url } = await client.prepayH5({
      ...base,
      payerClientIp: ctx.clientIp || '127.0.0.1',
      h5Type: /iphone|ipad/i.test(ua) ? 'iOS' : /android/i.test(ua) ? 'Android' : 'Wap',
    })
    payUrl = h5Url
  } else {
    payUrl = (await client.prepayNative(base)).codeUrl
  }
  const payment = { outTradeNo, channel, sandbox, prepayId, payUrl, payerOpenid: channel === 'jsapi' ? openid : undefined }
  // Written once the prepay answered, in one statement (src/db/payments.ts).
  await insertPayment(payload, { ...payment, order: order.id, attempt, amount: order.total, brand: requiredIdOf(order.brand) })
  return instructionsFor(payment, order, token, gateway)
}

const jsapiNeedsOpenid = () => new CommerceError('INVALID_BODY', 400, 'channel: 公众号支付需要在微信内登录 (jsapi needs a WeChat openid)', 'channel')

/**
 * The checkout's answer names the first payment attempt; its prepay is obtained when the buyer taps 去支付
 * (`payUrl`, a page) or the page's script asks for it (`prepayUrl`, POST): ./preparePayment.ts. Most of a push's
 * buyers never pay, and a prepay costs a signed round trip to WeChat Pay, so none is made on the hot path.
 */
function paymentToCome(order: PayableOrder, token: string, channel: PayChannel, gateway: PayGateway): PaymentInstructions {
  return {
    channel,
    outTradeNo: newOutTradeNo(order.number, 1),
    sandbox: gateway.mode === 'sandbox',
    expiresAt: order.expiresAt!,
    payUrl: new URL(payPath(order.number, token), gateway.origin).toString(),
    prepayUrl: new URL(prepayPath(order.number, token), gateway.origin).toString(),
  }
}

/** The whole checkout: the order is placed and its payment named; the prepay waits for the buyer's tap. */
export async function checkout(payload: Payload, input: CheckoutInput, ctx: CheckoutContext = {}): Promise<CheckoutResult> {
  // Nothing is held when nobody can take the money: no live merchant and no sandbox allowed (production default).
  if (!paymentsAvailable()) throw new CommerceError('PAYMENT_UNAVAILABLE', 503, PAYMENT_UNAVAILABLE_MESSAGE)
  await takeLimit(payload, 'checkout', ctx.clientIp)
  const gateway = payGateway(ctx.origin)
  // Refused before anything is held: a live JSAPI payment can only be made for a known WeChat reader.
  if (input.channel === 'jsapi' && gateway.mode === 'live' && !ctx.openid) throw jsapiNeedsOpenid()
  const { order, token } = await placeOrder(payload, input, ctx, gateway.now())
  return {
    order: {
      id: order.id,
      number: order.number,
      status: 'pending_payment',
      total: order.total,
      ...(order.couponClaim ? { subtotal: order.subtotal ?? order.total, discount: order.discount ?? 0 } : {}),
    },
    payment: paymentToCome(order, token, input.channel, gateway),
    orderUrl: orderPath(order.number, token),
  }
}
