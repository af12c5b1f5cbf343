// Coupon math, on the server only. Pure: the caller passes the coupon terms, the order subtotal (fen) of the
// coupon's brand, and the clock. Checkout calls this after loading the reader's unused claim; it never trusts
// a discount sent by the browser.

export type CouponTerms = {
  id?: string
  brand?: string | { id: string } | null
  kind: 'fixed' | 'percent'
  /** fen, for `fixed` */
  amountOff?: number | null
  /** whole percent off (15 = 15% off, 8.5折), for `percent` */
  percentOff?: number | null
  /** fen; the subtotal must be at least this (满 X 可用) */
  minSpend?: number | null
  validFrom?: string | Date | null
  validUntil?: string | Date | null
}

export type CouponRejection = 'ONE_COUPON_PER_ORDER' | 'NOT_STARTED' | 'EXPIRED' | 'MIN_SPEND_NOT_MET' | 'WRONG_BRAND' | 'INVALID_COUPON' | 'INVALID_SUBTOTAL'

export type CouponQuote =
  { ok: true; couponId?: string; subtotal: number; discount: number; total: number } | { ok: false; reason: CouponRejection; message: string }

const MESSAGES: Record<CouponRejection, string> = {
  ONE_COUPON_PER_ORDER: '每笔订单只能使用一张优惠券',
  NOT_STARTED: '优惠券尚未到使用时间',
  EXPIRED: '优惠券已过期',
  MIN_SPEND_NOT_MET: '未达到优惠券的最低消费金额',
  WRONG_BRAND: '该优惠券不适用于此品牌的商品',
  INVALID_COUPON: '优惠券无效',
  INVALID_SUBTOTAL: '订单金额无效',
}

const reject = (reason: CouponRejection): CouponQuote => ({ ok: false, reason, message: MESSAGES[reason] })
const ms = (v: string | Date | null | undefined) => (v ? (v instanceof Date ? v : new Date(v)).getTime() : null)
const brandId = (b: CouponTerms['brand']) => (b && typeof b === 'object' ? b.id : b || undefined)

/**
 * Discount in fen for one order. Stacking rule: at most ONE coupon per order (two or more → rejected, none →
 * no discount). Validity is inclusive of both ends. Percent discounts round down to the fen (the buyer never
 * gets more than the stated percentage); a fixed discount never takes the total below zero.
 */
export function computeCouponDiscount(input: {
  subtotal: number
  coupons: readonly CouponTerms[]
  now: Date
  /** the brand of the goods in the order; when given, the coupon must belong to it */
  orderBrand?: string
}): CouponQuote {
  const { subtotal, coupons, now, orderBrand } = input
  if (!Number.isSafeInteger(subtotal) || subtotal < 0) return reject('INVALID_SUBTOTAL')
  if (coupons.length === 0) return { ok: true, subtotal, discount: 0, total: subtotal }
  if (coupons.length > 1) return reject('ONE_COUPON_PER_ORDER')
  const [c] = coupons
  if (orderBrand !== undefined && brandId(c.brand) !== orderBrand) return reject('WRONG_BRAND')
  const from = ms(c.validFrom)
  const until = ms(c.validUntil)
  if (from !== null && Number.isNaN(from)) return reject('INVALID_COUPON')
  if (until !== null && Number.isNaN(until)) return reject('INVALID_COUPON')
  if (from !== null && now.getTime() < from) return reject('NOT_STARTED')
  if (until !== null && now.getTime() > until) return reject('EXPIRED')
  const minSpend = c.minSpend ?? 0
  if (!Number.isSafeInteger(minSpend) || minSpend < 0) return reject('INVALID_COUPON')
  if (subtotal < minSpend) return reject('MIN_SPEND_NOT_MET')
  let discount: number
  if (c.kind === 'fixed') {
    const off = c.amountOff
    if (typeof off !== 'number' || !Number.isSafeInteger(off) || off <= 0) return reject('INVALID_COUPON')
    discount = Math.min(off, subtotal)
  } else if (c.kind === 'percent') {
    const pct = c.percentOff
    if (typeof pct !== 'number' || !Number.isInteger(pct) || pct <= 0 || pct >= 100) return reject('INVALID_COUPON')
    discount = Math.floor((subtotal * pct) / 100)
  } else return reject('INVALID_COUPON')
  return { ok: true, couponId: c.id, subtotal, discount, total: subtotal - discount }
}

/** "满100减10" / "满200享85折" / "无门槛减5元": the coupon's headline in Chinese. */
export function couponHeadline(c: Pick<CouponTerms, 'kind' | 'amountOff' | 'percentOff' | 'minSpend'>, formatFen: (fen: number) => string): string {
  const threshold = c.minSpend ? `满${formatFen(c.minSpend)}` : '无门槛'
  if (c.kind === 'fixed') return `${threshold}减${formatFen(c.amountOff ?? 0)}`
  const zhe = (100 - (c.percentOff ?? 0)) / 10
  return `${threshold}享${Number.isInteger(zhe) ? zhe : zhe.toFixed(1)}折`
}
