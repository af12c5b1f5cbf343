import type { Payload } from 'payload'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import type { OrderTransitioned } from '@/commerce/orderState'
import type { Order } from '@/payload-types'
import { publish } from '@/platform/events'

const calls: string[] = []
vi.mock('@/commerce/funnel', () => ({ recordOrderStep: vi.fn(async (_p, order: Order, type: string) => void calls.push(`funnel ${order.id} ${type}`)) }))
vi.mock('@/jobs/notifyOrder', () => ({ queueOrderNotification: vi.fn(async (_p, id: string, to: string) => void calls.push(`notify ${id} ${to}`)) }))
vi.mock('@/commerce/soldCount', () => ({ countSale: vi.fn(async (_p, order: Order, to: string) => void calls.push(`sold ${order.id} ${to}`)) }))
vi.mock('@/communities/coupons/redeem', () => ({
  releaseCouponClaim: vi.fn(async (_p, claim: string, ref: string) => void calls.push(`coupon ${claim} ${ref}`)),
}))

const { registerSubscribers } = await import('./subscribers')
const { queueOrderNotification } = await import('@/jobs/notifyOrder')

const payload = {} as Payload
const order = { id: 'o1', number: 'N1', couponClaim: 'c1' } as Order
const moved = (from: OrderTransitioned['from'], to: OrderTransitioned['to']): OrderTransitioned => ({
  order: { ...order, status: to },
  from,
  to,
  reason: 'test',
  actor: 'test',
})

beforeEach(() => {
  calls.length = 0
  registerSubscribers()
  registerSubscribers() // the config may load twice: nothing runs twice
})

describe('the subscribers to an order transition', () => {
  it('paid: the funnel step, the sold count, then the notification', async () => {
    await publish(payload, 'order.transitioned', moved('pending_payment', 'paid'))
    expect(calls).toEqual(['funnel o1 paid', 'sold o1 paid', 'notify o1 paid'])
  })

  it('refunded: the funnel step, the sold count, then the notification; shipped: the notification only', async () => {
    await publish(payload, 'order.transitioned', moved('refunding', 'refunded'))
    await publish(payload, 'order.transitioned', moved('paid', 'shipped'))
    expect(calls).toEqual(['funnel o1 refunded', 'sold o1 refunded', 'notify o1 refunded', 'notify o1 shipped'])
  })

  it('a failing sold count is logged, never passed on: the notification still goes', async () => {
    const { countSale } = await import('@/commerce/soldCount')
    vi.mocked(countSale).mockRejectedValueOnce(new Error('counters down'))
    const warn = vi.fn()
    await publish({ logger: { warn } } as unknown as Payload, 'order.transitioned', moved('pending_payment', 'paid'))
    expect(calls).toEqual(['funnel o1 paid', 'notify o1 paid'])
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ msg: 'sold count not updated' }))
  })

  it('cancelled: the notification job is asked (it skips the event), then the coupon claim is given back', async () => {
    await publish(payload, 'order.transitioned', moved('pending_payment', 'cancelled'))
    expect(calls).toEqual(['notify o1 cancelled', 'coupon c1 N1'])
  })

  it('cancelled without a coupon: no claim is released', async () => {
    await publish(payload, 'order.transitioned', { ...moved('pending_payment', 'cancelled'), order: { ...order, couponClaim: null } })
    expect(calls).toEqual(['notify o1 cancelled'])
  })

  it('a failing notification reaches the publisher and the coupon is not released, as before', async () => {
    vi.mocked(queueOrderNotification).mockRejectedValueOnce(new Error('jobs down'))
    await expect(publish(payload, 'order.transitioned', moved('pending_payment', 'cancelled'))).rejects.toThrow('jobs down')
    expect(calls).toEqual([])
  })
})
