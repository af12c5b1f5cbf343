import { invalid } from './errors'
import type { CheckoutInput } from './validateCheckout'

/** A mainland mobile (however spaced, with or without +86), a landline with its area code, or an international number. */
const PHONE = [/^(\+?86[ -]?)?1\d{2}[ -]?\d{4}[ -]?\d{4}$/, /^0\d{2,3}-?\d{7,8}$/, /^\+[0-9 -]{7,19}$/]

/**
 * A parcel needs someone to hand it to: the reader's order form refuses an order without 收货人, 手机号 and 地址,
 * naming the first missing field. (Everything sold here ships; API clients are trusted to send what they collect.)
 */
export function requireShippingAddress(buyer: CheckoutInput['buyer']): asserts buyer is { name: string; phone: string; address: string } {
  if (!buyer?.name?.trim()) throw invalid('buyer.name', '请填写收货人')
  if (!buyer.phone?.trim()) throw invalid('buyer.phone', '请填写手机号')
  if (!PHONE.some((pattern) => pattern.test(buyer.phone!.trim()))) {
    throw invalid('buyer.phone', '手机号格式不正确')
  }
  if ((buyer.address?.trim().length ?? 0) < 5) throw invalid('buyer.address', '请填写详细地址（省市区、街道、门牌号）')
}
