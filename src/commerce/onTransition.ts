import type { Payload } from 'payload'

import type { OrderStatus } from '@/collections/Orders/statuses'
import { releaseCouponClaim } from '@/communities/coupons/redeem'
import type { Order } from '@/payload-types'

import { queueOrderNotification } from '@/jobs/notifyOrder'

import { recordOrderStep } from './funnel'

/**
 * Side effects of a won order transition, run once by the winner after the history entry is written.
 * Each is idempotent (keyed on order and status) so a crash between them is repaired by a retry.
 */
export async function onOrderTransition(payload: Payload, order: Order, from: OrderStatus, to: OrderStatus): Promise<void> {
  if (to === 'paid' || to === 'refunded') await recordOrderStep(payload, order, to)
  await queueOrderNotification(payload, order.id, to) // paid, shipped, refunded only; deduplicated by the job
  // Cancelled or expired unpaid: the reader gets the coupon back (a no-op if the claim is no longer this order's).
  if (to === 'cancelled' && order.couponClaim) await releaseCouponClaim(payload, typeof order.couponClaim === 'string' ? order.couponClaim : order.couponClaim.id, order.number)
}
