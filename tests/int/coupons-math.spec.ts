// computeCouponDiscount: the pure coupon math checkout will call (fixed/percent, min spend, window, stacking).
import { describe, expect, it } from 'vitest'

import { computeCouponDiscount, couponHeadline, type CouponTerms } from '@/communities/coupons/computeCouponDiscount'
import { formatFen } from '@/utilities/formatFen'

const now = new Date('2026-11-20T12:00:00Z')
const fixed: CouponTerms = {
  id: 'c1',
  brand: 'b1',
  kind: 'fixed',
  amountOff: 1000,
  minSpend: 10000,
  validFrom: '2026-11-01T00:00:00Z',
  validUntil: '2026-11-30T23:59:59Z',
}
const percent: CouponTerms = { id: 'c2', brand: 'b1', kind: 'percent', percentOff: 15, minSpend: 0, validFrom: null, validUntil: '2026-12-31T00:00:00Z' }
const quote = (subtotal: number, coupons: CouponTerms[], at = now, orderBrand?: string) => computeCouponDiscount({ subtotal, coupons, now: at, orderBrand })

describe('computeCouponDiscount', () => {
  it('takes a fixed amount off once the minimum spend is reached (inclusive)', () => {
    expect(quote(10000, [fixed])).toEqual({ ok: true, couponId: 'c1', subtotal: 10000, discount: 1000, total: 9000 })
    expect(quote(26800, [fixed])).toMatchObject({ ok: true, discount: 1000, total: 25800 })
  })
  it('rejects below the minimum spend', () => {
    expect(quote(9999, [fixed])).toMatchObject({ ok: false, reason: 'MIN_SPEND_NOT_MET' })
  })
  it('takes a percentage off, rounding the discount down to the fen', () => {
    expect(quote(10000, [percent])).toMatchObject({ ok: true, discount: 1500, total: 8500 })
    expect(quote(999, [percent])).toMatchObject({ ok: true, discount: 149, total: 850 }) // 149.85 → 149
    expect(quote(1, [percent])).toMatchObject({ ok: true, discount: 0, total: 1 })
  })
  it('never takes a fixed discount below zero', () => {
    expect(quote(500, [{ ...fixed, minSpend: 0 }])).toMatchObject({ ok: true, discount: 500, total: 0 })
  })
  it('honours the validity window, both ends inclusive', () => {
    expect(quote(20000, [fixed], new Date('2026-10-31T23:59:59Z'))).toMatchObject({ ok: false, reason: 'NOT_STARTED' })
    expect(quote(20000, [fixed], new Date('2026-11-01T00:00:00Z'))).toMatchObject({ ok: true })
    expect(quote(20000, [fixed], new Date('2026-11-30T23:59:59Z'))).toMatchObject({ ok: true })
    expect(quote(20000, [fixed], new Date('2026-12-01T00:00:00Z'))).toMatchObject({ ok: false, reason: 'EXPIRED' })
  })
  it('stacking rule: one coupon per order', () => {
    expect(quote(50000, [fixed, percent])).toMatchObject({ ok: false, reason: 'ONE_COUPON_PER_ORDER' })
    expect(quote(50000, [fixed, fixed])).toMatchObject({ ok: false, reason: 'ONE_COUPON_PER_ORDER' })
    expect(quote(50000, [])).toEqual({ ok: true, subtotal: 50000, discount: 0, total: 50000 })
  })
  it("rejects another brand's coupon when the order's brand is given", () => {
    expect(quote(20000, [fixed], now, 'b2')).toMatchObject({ ok: false, reason: 'WRONG_BRAND' })
    expect(quote(20000, [{ ...fixed, brand: { id: 'b1' } }], now, 'b1')).toMatchObject({ ok: true })
  })
  it('rejects malformed terms and subtotals instead of guessing', () => {
    expect(quote(20000, [{ ...fixed, amountOff: 0 }])).toMatchObject({ ok: false, reason: 'INVALID_COUPON' })
    expect(quote(20000, [{ ...fixed, amountOff: 10.5 }])).toMatchObject({ ok: false, reason: 'INVALID_COUPON' })
    expect(quote(20000, [{ ...percent, percentOff: 100 }])).toMatchObject({ ok: false, reason: 'INVALID_COUPON' })
    expect(quote(20000, [{ ...percent, percentOff: 0 }])).toMatchObject({ ok: false, reason: 'INVALID_COUPON' })
    expect(quote(20000, [{ ...fixed, validUntil: 'not a date' }])).toMatchObject({ ok: false, reason: 'INVALID_COUPON' })
    expect(quote(-1, [fixed])).toMatchObject({ ok: false, reason: 'INVALID_SUBTOTAL' })
    expect(quote(100.5, [fixed])).toMatchObject({ ok: false, reason: 'INVALID_SUBTOTAL' })
  })
  it('every rejection carries a Chinese message', () => {
    const r = quote(1, [fixed])
    expect(r.ok === false && r.message).toBe('未达到优惠券的最低消费金额')
  })
  it('describes coupons the way Chinese shops do', () => {
    expect(couponHeadline(fixed, formatFen)).toBe('满¥100.00减¥10.00')
    expect(couponHeadline(percent, formatFen)).toBe('无门槛享8.5折')
    expect(couponHeadline({ kind: 'percent', percentOff: 20, minSpend: 20000 }, formatFen)).toBe('满¥200.00享8折')
  })
})
