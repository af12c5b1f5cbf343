// Who reacts to which domain event (src/platform/events.ts), wired once by the composition root (payload.config.ts).
// The publishers import none of these modules. Subscribers run in the order listed here, each awaited.
import { recordOrderStep } from '@/commerce/funnel'
import { countSale } from '@/commerce/soldCount'
import { releaseCouponClaim } from '@/communities/coupons/redeem'
import { queueOrderNotification } from '@/jobs/notifyOrder'
import { subscribe } from '@/platform/events'
import { idOf } from '@/utilities/idOf'

export function registerSubscribers(): void {
  // The funnel counts a payment and a refund (keyed on order and step, never throws).
  subscribe('order.transitioned', 'analytics.orderStep', async (payload, { order, to }) => {
    if (to === 'paid' || to === 'refunded') await recordOrderStep(payload, order, to)
  })
  // 已售 N 件 on the product page; a display figure, so trouble is logged, never passed on to the payment.
  subscribe('order.transitioned', 'commerce.soldCount', async (payload, { order, to }) => {
    if (to !== 'paid' && to !== 'refunded') return
    await countSale(payload, order, to).catch((err) => payload.logger.warn({ msg: 'sold count not updated', order: order.id, err }))
  })
  // The buyer's 服务号 message: paid, shipped and refunded only; deduplicated by the job.
  subscribe('order.transitioned', 'notifications.orderMessage', (payload, { order, to }) => queueOrderNotification(payload, order.id, to))
  // Cancelled or expired unpaid: the reader gets the coupon back (a no-op if the claim is no longer this order's).
  subscribe('order.transitioned', 'coupons.releaseClaim', async (payload, { order, to }) => {
    const claim = idOf(order.couponClaim)
    if (to === 'cancelled' && claim) await releaseCouponClaim(payload, claim, order.number)
  })
}
