// 秒杀 (flash sale) rules at checkout, called by placeOrder (src/commerce/checkout.ts) after 每单限购 and before the
// coupon, the holds limit and the stock are taken:
//   1. assertSaleStarted: before a product's `saleStartsAt` → 409 NOT_STARTED (error.startsAt), nothing taken;
//   2. takeBuyerAllowance: a product with `limitPerBuyer` counts units per buyer in an atomic counter
//      (src/db/counters.ts takeUpTo): 400 BUYER_REQUIRED without a buyer identity, 409 LIMIT_REACHED over the limit.
// A buyer is the WeChat openid when the reader is known (OAuth cookie), else the phone number of the order; the
// counter key holds a keyed hash of it (HMAC with PAYLOAD_SECRET), never the phone itself. The order records what it
// took (`orders.buyerKey`); an unpaid order that is cancelled (expiry, prepay failure) gives it back exactly once
// (src/commerce/orderState.ts, the winner of the pending_payment → cancelled compare-and-set). Paid, refunded or
// shipped orders keep their units: the limit is on what a buyer bought, not on what they kept.
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import type { CheckoutProductRow } from '@/db/checkoutProducts'
import { giveBack, readCounter, takeUpTo } from '@/db/counters'
import { beijingDateTime, instantOf } from '@/platform/beijingTime'
import { payloadSecret } from '@/utilities/payloadSecret'

import type { CheckoutContext } from './checkout'
import { CommerceError } from './errors'
import type { CheckoutInput } from './validateCheckout'

type SaleProduct = Pick<CheckoutProductRow, 'id' | 'title' | 'saleStartsAt' | 'limitPerBuyer'>

/** 409 NOT_STARTED when any product's sale has not started at `now` (the payment gateway's clock). */
export function assertSaleStarted(products: Iterable<SaleProduct>, now: number): void {
  let latest: { product: SaleProduct; at: number } | undefined
  for (const product of products) {
    const at = instantOf(product.saleStartsAt)
    if (at !== null && at > now && (!latest || at > latest.at)) latest = { product, at }
  }
  if (!latest) return
  const startsAt = new Date(latest.at).toISOString()
  throw new CommerceError(
    'NOT_STARTED',
    409,
    `「${latest.product.title}」将于 ${beijingDateTime(latest.at)}（北京时间）开抢，请到时再来 (the sale starts at ${startsAt})`,
    undefined,
    { startsAt },
  )
}

/** The phone number's digits, without a +86 / 0086 country prefix; undefined when too short to be a number. */
export function normalizePhone(phone: string | undefined): string | undefined {
  let digits = (phone ?? '').replace(/\D/g, '')
  if (digits.startsWith('0086')) digits = digits.slice(4)
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2)
  return digits.length >= 5 ? digits : undefined
}

/** A keyed hash of a buyer identity: `o…` (openid) or `p…` (phone), 24 url-safe characters after the prefix. */
export function buyerHash(kind: 'openid' | 'phone', value: string): string {
  const mac = crypto.createHmac('sha256', `tuiwen:flash-buyer:${payloadSecret()}`).update(`${kind}:${value}`).digest('base64url').slice(0, 24)
  return `${kind === 'openid' ? 'o' : 'p'}${mac}`
}

/** The counter of one buyer for one product. */
export const buyerCounterKey = (productId: string, buyer: string) => `flash-buyer:${productId}:${buyer}`

/** The reader's openid: from the context when the caller knows it, else one read of the reader's `customers` row. */
async function openidOf(payload: Payload, ctx: CheckoutContext): Promise<string | undefined> {
  if (ctx.openid) return ctx.openid
  if (!ctx.readerId) return undefined
  const doc = await payload
    .findByID({ collection: 'customers', id: ctx.readerId, depth: 0, overrideAccess: true, disableErrors: true, select: { openid: true } })
    .catch(() => null)
  return typeof doc?.openid === 'string' && doc.openid ? doc.openid : undefined
}

const limitOf = (product: SaleProduct) => (product.limitPerBuyer && product.limitPerBuyer > 0 ? product.limitPerBuyer : null)

/**
 * Who is buying, as a hashed key, when one of the products has a limit per buyer (undefined otherwise, without any
 * read): the WeChat openid when known, else `buyer.phone`. Neither → 400 BUYER_REQUIRED on `buyer.phone`.
 */
export async function buyerKeyOf(payload: Payload, ctx: CheckoutContext, input: CheckoutInput, products: Iterable<SaleProduct>): Promise<string | undefined> {
  const limited = [...products].find((p) => limitOf(p) !== null)
  if (!limited) return undefined
  const openid = await openidOf(payload, ctx)
  if (openid) return buyerHash('openid', openid)
  const phone = normalizePhone(input.buyer?.phone)
  if (phone) return buyerHash('phone', phone)
  throw new CommerceError(
    'BUYER_REQUIRED',
    400,
    `buyer.phone: 「${limited.title}」每人限购 ${limitOf(limited)} 件，请填写手机号 (a phone number is required for a product limited per buyer)`,
    'buyer.phone',
  )
}

export type BuyerAllowance = {
  /** For `orders.buyerKey`: what was taken (`<counter key>*<units>` …), or undefined when nothing was. */
  buyerKey?: string
  /** Gives the units back (compensation for a checkout that failed later); runs once, never throws. */
  giveBack: () => Promise<void>
  /** giveBack, then rethrows: `await step().catch(allowance.giveBackAndThrow)`. */
  giveBackAndThrow: (error: unknown) => Promise<never>
}

type Taken = { key: string; units: number }

const serialize = (taken: Taken[]) => (taken.length ? taken.map((t) => `${t.key}*${t.units}`).join(' ') : undefined)

/** `orders.buyerKey` → what it took; entries that do not parse are skipped. */
export function parseBuyerKey(buyerKey: string | null | undefined): Taken[] {
  if (!buyerKey) return []
  return buyerKey
    .split(/\s+/)
    .map((entry) => {
      const star = entry.lastIndexOf('*')
      return { key: entry.slice(0, star), units: Number(entry.slice(star + 1)) }
    })
    .filter((t) => t.key.startsWith('flash-buyer:') && Number.isSafeInteger(t.units) && t.units > 0)
}

async function giveBackTaken(payload: Payload, taken: Taken[]): Promise<void> {
  for (const t of taken) {
    await giveBack(payload, t.key, t.units).catch((err) =>
      payload.logger.error({ msg: 'flash sale: could not give a buyer allowance back', key: t.key, units: t.units, err }),
    )
  }
}

/**
 * Takes the buyer's units of every product with `limitPerBuyer` (all or nothing, one atomic counter per product and
 * buyer). Over the limit → 409 LIMIT_REACHED (error.limit, error.remaining) after giving back what this call took.
 * Products without a limit cost nothing: no read, no write.
 */
export async function takeBuyerAllowance(
  payload: Payload,
  input: CheckoutInput,
  products: Map<string, SaleProduct>,
  ctx: CheckoutContext,
): Promise<BuyerAllowance> {
  const units = new Map<string, number>()
  for (const item of input.items) {
    const product = products.get(item.product)
    if (product && limitOf(product) !== null) units.set(product.id, (units.get(product.id) ?? 0) + item.quantity)
  }
  const none: BuyerAllowance = { giveBack: async () => {}, giveBackAndThrow: async (error) => Promise.reject(error) }
  if (!units.size) return none
  const buyer = await buyerKeyOf(payload, ctx, input, products.values())
  if (!buyer) return none
  const taken: Taken[] = []
  for (const [id, quantity] of units) {
    const product = products.get(id)!
    const limit = limitOf(product)!
    const key = buyerCounterKey(id, buyer)
    if (await takeUpTo(payload, key, quantity, limit)) {
      taken.push({ key, units: quantity })
      continue
    }
    await giveBackTaken(payload, taken)
    const used = (await readCounter(payload, key).catch(() => null))?.used ?? 0
    const remaining = Math.max(0, limit - used)
    const i = input.items.findIndex((item) => item.product === id)
    const field = `items[${i}].quantity`
    const left = remaining > 0 ? `，您还可以买 ${remaining} 件` : '，您已达到限购数量'
    throw new CommerceError('LIMIT_REACHED', 409, `${field}: 「${product.title}」每人限购 ${limit} 件${left} (limit per buyer reached)`, field, {
      limit,
      remaining,
    })
  }
  let given = false
  const giveBackOnce = async () => {
    if (given) return
    given = true
    await giveBackTaken(payload, taken)
  }
  return {
    buyerKey: serialize(taken),
    giveBack: giveBackOnce,
    giveBackAndThrow: async (error) => {
      await giveBackOnce()
      throw error
    },
  }
}

/**
 * An unpaid order was cancelled: its buyer gets the units back. Call it only from the winner of the order's
 * pending_payment → cancelled transition, which happens at most once per order.
 */
export async function giveBackBuyerAllowance(payload: Payload, buyerKey: string | null | undefined): Promise<void> {
  await giveBackTaken(payload, parseBuyerKey(buyerKey))
}
