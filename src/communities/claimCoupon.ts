import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { idOf } from '../access/roles'
import { counterKey, giveBackOne, readCounter, readerCounterKey, takeOne, takeOneUpTo } from '../db/counters'
import type { Community, Coupon } from '../payload-types'
import { CommunityError, notFound } from './errors'
import { publicDoc } from './publicDoc'

export type ClaimInput = { couponId: string; readerKey: string; now: Date }
export type ClaimResult = { claim: { id: string; code: string }; coupon: { claimed: number; total: number; left: number; mine: number } }

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const newCode = () => Array.from(crypto.randomBytes(10), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')

/**
 * One coupon for one reader. Never over the per-person limit: the reader's own counter (max = limit) is taken
 * first, atomically, so one reader's burst of requests stops there without holding coupons others need. Never
 * over the total: then the coupon itself is taken with one atomic conditional update. A step that fails gives
 * back what the earlier ones took.
 */
export async function claimCoupon(payload: Payload, input: ClaimInput): Promise<ClaimResult> {
  const coupon = await publicDoc<Coupon>(payload, 'coupons', input.couponId, {
    community: true,
    brand: true,
    validFrom: true,
    validUntil: true,
    perPersonLimit: true,
    totalQuantity: true,
  })
  if (!coupon) throw notFound('优惠券')
  const communityId = idOf(coupon.community) as string
  if (!(await publicDoc<Community>(payload, 'communities', communityId, { status: true }))) throw notFound('社区')
  const t = input.now.getTime()
  if (t < new Date(coupon.validFrom).getTime()) throw new CommunityError('NOT_STARTED', 409, '优惠券还没开始领取')
  if (t > new Date(coupon.validUntil).getTime()) throw new CommunityError('EXPIRED', 409, '优惠券已过期')
  const limit = coupon.perPersonLimit ?? 1
  const limitReached = () => new CommunityError('LIMIT_REACHED', 409, limit === 1 ? '你已经领过这张券了' : `每人限领 ${limit} 张`)
  const mine = readerCounterKey('coupon', coupon.id, input.readerKey)
  if (!(await takeOneUpTo(payload, mine, limit))) throw limitReached()
  const key = counterKey('coupon', coupon.id)
  if (!(await takeOne(payload, key))) {
    await giveBackOne(payload, mine)
    throw new CommunityError('SOLD_OUT', 409, '优惠券已被领完')
  }
  try {
    const code = newCode()
    const row = await payload.create({
      collection: 'coupon-claims',
      data: {
        coupon: coupon.id,
        community: communityId,
        brand: idOf(coupon.brand) as string,
        reader: input.readerKey,
        uniqueKey: `${coupon.id}:${code}`,
        code,
        status: 'claimed',
      },
      overrideAccess: true,
      depth: 0,
    })
    const [total, own] = await Promise.all([readCounter(payload, key), readCounter(payload, mine)])
    const claimed = total?.used ?? 0
    const max = total?.max ?? coupon.totalQuantity
    return { claim: { id: row.id, code: row.code }, coupon: { claimed, total: max, left: Math.max(0, max - claimed), mine: own?.used ?? 1 } }
  } catch (error) {
    await giveBackOne(payload, key)
    await giveBackOne(payload, mine)
    throw error
  }
}
