// The coupons a reader can choose from on the 确认订单 page: their own claimed, unused coupons, each priced for this
// order with the same math checkout applies (computeCouponDiscount), the best one first.
import type { Payload } from 'payload'

import { idOf } from '../access/roles'
import { computeCouponDiscount, couponHeadline } from '../communities/coupons/computeCouponDiscount'
import type { Coupon, CouponClaim } from '../payload-types'
import { formatFen } from '../utilities/formatFen'

/** A reader holds few coupons; more than this many unused ones are not offered (the newest are). */
export const MAX_COUPON_CHOICES = 20

export type CouponChoice = {
  code: string
  title: string
  headline: string
  validUntil?: string | null
} & ({ usable: true; discount: number; total: number } | { usable: false; reason: string })

export async function couponChoices(payload: Payload, input: { readerKey?: string; brand: string; subtotal: number; now: Date }): Promise<CouponChoice[]> {
  if (!input.readerKey) return []
  const claims = (
    await payload.find({
      collection: 'coupon-claims',
      where: { and: [{ reader: { equals: input.readerKey } }, { status: { equals: 'claimed' } }] },
      sort: '-createdAt',
      limit: MAX_COUPON_CHOICES,
      depth: 0,
      overrideAccess: true,
    })
  ).docs as CouponClaim[]
  if (!claims.length) return []
  const coupons = (
    await payload.find({
      collection: 'coupons',
      where: { id: { in: [...new Set(claims.map((c) => idOf(c.coupon) as string))] } },
      limit: MAX_COUPON_CHOICES,
      depth: 0,
      overrideAccess: true,
    })
  ).docs as Coupon[]
  const byId = new Map(coupons.map((c) => [String(c.id), c]))
  const choices = claims.flatMap((claim): CouponChoice[] => {
    const coupon = byId.get(String(idOf(claim.coupon)))
    // Another brand's coupons are not this order's business.
    if (!coupon || idOf(coupon.brand) !== input.brand) return []
    const quote = computeCouponDiscount({
      subtotal: input.subtotal,
      coupons: [{ ...coupon, brand: idOf(coupon.brand) }],
      now: input.now,
      orderBrand: input.brand,
    })
    const base = { code: claim.code, title: coupon.title, headline: couponHeadline(coupon, formatFen), validUntil: coupon.validUntil }
    return [quote.ok ? { ...base, usable: true, discount: quote.discount, total: quote.total } : { ...base, usable: false, reason: quote.message }]
  })
  return choices.sort((a, b) => (b.usable ? b.discount : -1) - (a.usable ? a.discount : -1))
}

/** The choice preselected: the largest discount, if any coupon applies. */
export const bestCoupon = (choices: CouponChoice[]) => choices.find((c) => c.usable && c.discount > 0)
