// What checkout calls to apply a claimed coupon (not wired yet; src/commerce/ owns checkout):
//   1. quoteCouponClaim(...) while pricing the order: validates the claim and returns the discount in fen;
//   2. useCouponClaim(...) when the order is created: atomically marks the claim used by that order (one winner);
//   3. releaseCouponClaim(...) when that order is cancelled or expires unpaid: the reader gets the coupon back.
import type { Payload } from 'payload'

import { idOf } from '../../access/roles'
import { compareAndSetClaim } from '../../db/counters'
import type { Coupon, CouponClaim } from '../../payload-types'
import { computeCouponDiscount, type CouponQuote } from './computeCouponDiscount'

export type ClaimQuote =
  (CouponQuote & { ok: true; claimId: string }) | (CouponQuote & { ok: false }) | { ok: false; reason: 'CLAIM_NOT_FOUND' | 'CLAIM_USED'; message: string }

/**
 * Prices one claimed coupon (by its code) for an order of `orderBrand` with `subtotal` fen, for the reader who
 * holds it. Pass at most one code: more than one is the stacking rule's ONE_COUPON_PER_ORDER.
 */
export async function quoteCouponClaim(
  payload: Payload,
  input: { codes: string[]; readerKey: string; subtotal: number; orderBrand: string; now: Date },
): Promise<ClaimQuote> {
  if (input.codes.length > 1) return { ok: false, reason: 'ONE_COUPON_PER_ORDER', message: '每笔订单只能使用一张优惠券' }
  if (!input.codes.length) return { ok: true, claimId: '', subtotal: input.subtotal, discount: 0, total: input.subtotal }
  const { docs } = await payload.find({
    collection: 'coupon-claims',
    where: { and: [{ code: { equals: input.codes[0] } }, { reader: { equals: input.readerKey } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const claim = docs[0] as CouponClaim | undefined
  if (!claim) return { ok: false, reason: 'CLAIM_NOT_FOUND', message: '没有找到这张优惠券' }
  if (claim.status !== 'claimed') return { ok: false, reason: 'CLAIM_USED', message: '这张优惠券已经用过了' }
  const coupon = (await payload.findByID({
    collection: 'coupons',
    id: idOf(claim.coupon) as string,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as Coupon | null
  if (!coupon) return { ok: false, reason: 'CLAIM_NOT_FOUND', message: '没有找到这张优惠券' }
  const quote = computeCouponDiscount({
    subtotal: input.subtotal,
    coupons: [{ ...coupon, brand: idOf(coupon.brand) }],
    now: input.now,
    orderBrand: input.orderBrand,
  })
  return quote.ok ? { ...quote, claimId: claim.id } : quote
}

/** Marks the claim used by `orderRef`; false if it was already used (a second checkout with the same coupon loses). */
export const useCouponClaim = (payload: Payload, claimId: string, orderRef: string) => compareAndSetClaim(payload, claimId, 'claimed', 'used', orderRef)

/** Gives the coupon back to the reader when `orderRef` is cancelled or expires unpaid. */
export const releaseCouponClaim = (payload: Payload, claimId: string, orderRef: string) => compareAndSetClaim(payload, claimId, 'used', 'claimed', orderRef)
