import type { PayChannel } from '@/wechat/pay/types'

import { CommerceError, invalid } from './errors'

export const MAX_LINES = 20
export const MAX_QUANTITY_PER_LINE = 99
export const CHANNELS: readonly PayChannel[] = ['jsapi', 'h5', 'native']

export type CheckoutLine = { product: string; variant?: string; quantity: number }
export type CheckoutInput = {
  items: CheckoutLine[]
  channel: PayChannel
  buyer?: { name?: string; phone?: string; address?: string }
  attribution?: { article?: string; block?: number; sharer?: string }
  /** A claimed coupon's code (券码); the discount is computed on the server, never sent by the browser. */
  coupon?: string
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function optionalString(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') throw invalid(field, 'must be a string')
  if (value.length > max) throw invalid(field, `must be at most ${max} characters`)
  return value
}

/**
 * Validates the POST /api/checkout body. Unknown keys are rejected so typos surface; every error names its field.
 * Prices never come from here: the body has none, and any extra key (e.g. "price") is an error.
 */
export function parseCheckoutBody(body: unknown): CheckoutInput {
  if (!isObject(body)) throw invalid('body', 'must be a JSON object')
  for (const key of Object.keys(body)) {
    if (!['items', 'channel', 'buyer', 'attribution', 'coupon'].includes(key)) throw invalid(key, 'unknown field')
  }
  const { items, channel, buyer, attribution, coupon } = body
  if (!Array.isArray(items)) throw invalid('items', 'must be an array')
  if (items.length === 0) throw invalid('items', 'must not be empty')
  if (items.length > MAX_LINES) throw invalid('items', `at most ${MAX_LINES} lines`)
  const lines = items.map((item, i): CheckoutLine => {
    const at = `items[${i}]`
    if (!isObject(item)) throw invalid(at, 'must be an object')
    for (const key of Object.keys(item)) {
      if (!['product', 'variant', 'quantity'].includes(key)) throw invalid(`${at}.${key}`, 'unknown field')
    }
    if (typeof item.product !== 'string' || !item.product.trim()) throw invalid(`${at}.product`, 'must be a product id (string)')
    if (item.product.length > 64) throw invalid(`${at}.product`, 'is not a product id')
    const q = item.quantity
    if (typeof q !== 'number' || !Number.isFinite(q)) throw invalid(`${at}.quantity`, 'must be a number')
    if (!Number.isInteger(q)) throw invalid(`${at}.quantity`, 'must be a whole number')
    if (q < 1) throw invalid(`${at}.quantity`, 'must be at least 1')
    if (q > MAX_QUANTITY_PER_LINE) throw invalid(`${at}.quantity`, `must be at most ${MAX_QUANTITY_PER_LINE}`)
    const variant = optionalString(item.variant, `${at}.variant`, 64)
    return { product: item.product, quantity: q, ...(variant ? { variant } : {}) }
  })
  if (typeof channel !== 'string' || !CHANNELS.includes(channel as PayChannel)) {
    throw invalid('channel', `must be one of ${CHANNELS.join(', ')}`)
  }
  const input: CheckoutInput = { items: lines, channel: channel as PayChannel }
  if (buyer !== undefined && buyer !== null) {
    if (!isObject(buyer)) throw invalid('buyer', 'must be an object')
    for (const key of Object.keys(buyer)) if (!['name', 'phone', 'address'].includes(key)) throw invalid(`buyer.${key}`, 'unknown field')
    const phone = optionalString(buyer.phone, 'buyer.phone', 20)
    if (phone && !/^\+?[0-9 -]{5,20}$/.test(phone)) throw invalid('buyer.phone', 'must be a phone number')
    input.buyer = {
      name: optionalString(buyer.name, 'buyer.name', 40),
      phone,
      address: optionalString(buyer.address, 'buyer.address', 200),
    }
  }
  if (attribution !== undefined && attribution !== null) {
    if (!isObject(attribution)) throw invalid('attribution', 'must be an object')
    for (const key of Object.keys(attribution)) {
      if (!['article', 'block', 'sharer'].includes(key)) throw invalid(`attribution.${key}`, 'unknown field')
    }
    let block: number | undefined
    const b = attribution.block
    if (b !== undefined && b !== null && b !== '') {
      const n = typeof b === 'string' && /^\d{1,4}$/.test(b) ? Number(b) : b
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 9999) throw invalid('attribution.block', 'must be a block index (0–9999)')
      block = n
    }
    input.attribution = {
      article: optionalString(attribution.article, 'attribution.article', 64),
      block,
      sharer: optionalString(attribution.sharer, 'attribution.sharer', 64),
    }
  }
  // Optional; empty means none. Codes are 10 characters today; anything longer than 32 is not a code.
  const code = optionalString(coupon, 'coupon', 32)?.trim().toUpperCase()
  if (code) {
    if (!/^[A-Z0-9]{4,32}$/.test(code)) throw new CommerceError('INVALID_COUPON', 400, 'coupon: 优惠券码格式不正确 (not a coupon code)', 'coupon')
    input.coupon = code
  }
  return input
}
