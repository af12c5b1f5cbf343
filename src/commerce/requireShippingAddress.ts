import { CommerceError } from './errors'
import type { CheckoutInput } from './validateCheckout'

/** A mainland mobile (however spaced, with or without +86), a landline with its area code, or an international number. */
const PHONE = [/^(\+?86[ -]?)?1\d{2}[ -]?\d{4}[ -]?\d{4}$/, /^0\d{2,3}-?\d{7,8}$/, /^\+[0-9 -]{7,19}$/]

/** Each wrong field of the address and why, in form order. */
function addressProblems(buyer: CheckoutInput['buyer']): [field: string, message: string][] {
  const problems: [string, string][] = []
  const phone = buyer?.phone?.trim() ?? ''
  if (!buyer?.name?.trim()) problems.push(['buyer.name', '请填写收货人'])
  if (!phone) problems.push(['buyer.phone', '请填写手机号'])
  else if (!PHONE.some((pattern) => pattern.test(phone))) problems.push(['buyer.phone', '手机号格式不正确'])
  if ((buyer?.address?.trim().length ?? 0) < 5) problems.push(['buyer.address', '请填写详细地址（省市区、街道、门牌号）'])
  return problems
}

/**
 * A parcel needs someone to hand it to: the reader's order form refuses an order without 收货人, 手机号 and 地址.
 * The error names the first wrong field (`field`) and lists them all (`fields`, comma-separated), so the form can
 * mark every one at once. (Everything sold here ships; API clients are trusted to send what they collect.)
 */
export function requireShippingAddress(buyer: CheckoutInput['buyer']): asserts buyer is { name: string; phone: string; address: string } {
  const problems = addressProblems(buyer)
  if (!problems.length) return
  const [field, message] = problems[0]!
  throw new CommerceError('INVALID_BODY', 400, `${field}: ${message}`, field, { fields: problems.map(([f]) => f).join(',') })
}
