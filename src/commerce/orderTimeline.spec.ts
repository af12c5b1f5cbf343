import { describe, expect, it } from 'vitest'

import { maskPhone } from '@/utilities/maskPhone'

import { orderTimeline } from './orderTimeline'

const placed = { createdAt: '2026-12-01T02:00:00.000Z' }
const history = [
  { to: 'pending_payment', createdAt: '2026-12-01T02:00:00.000Z' },
  { to: 'paid', createdAt: '2026-12-01T02:05:00.000Z' },
  { to: 'shipped', createdAt: '2026-12-02T01:00:00.000Z' },
]
const brief = (steps: ReturnType<typeof orderTimeline>) => steps.map((s) => `${s.label}${s.done ? '✓' : '…'}${s.at ?? ''}`)

describe('orderTimeline', () => {
  it('goes 下单 → 支付 → 发货 → 完成 in Beijing time, the shipment time first', () => {
    const order = { ...placed, status: 'shipped', paidAt: '2026-12-01T02:05:30.000Z', shipment: { shippedAt: '2026-12-02T01:30:00.000Z' } }
    expect(brief(orderTimeline(order, history))).toEqual(['下单✓2026-12-01 10:00', '支付✓2026-12-01 10:05', '发货✓2026-12-02 09:30', '完成…'])
  })

  it('shows what is still ahead of an unpaid order', () => {
    expect(brief(orderTimeline({ ...placed, status: 'pending_payment' }, history.slice(0, 1)))).toEqual(['下单✓2026-12-01 10:00', '支付…', '发货…', '完成…'])
  })

  it('ends with 退款 for a refunded order and 已取消 for an unpaid cancelled one', () => {
    const refunded = [...history, { to: 'refunding', createdAt: '2026-12-03T00:00:00.000Z' }, { to: 'refunded', createdAt: '2026-12-03T00:10:00.000Z' }]
    expect(brief(orderTimeline({ ...placed, status: 'refunded' }, refunded))).toEqual([
      '下单✓2026-12-01 10:00',
      '支付✓2026-12-01 10:05',
      '发货✓2026-12-02 09:00',
      '已退款✓2026-12-03 08:10',
    ])
    const cancelled = [history[0], { to: 'cancelled', createdAt: '2026-12-01T02:30:00.000Z' }]
    expect(brief(orderTimeline({ ...placed, status: 'cancelled' }, cancelled))).toEqual(['下单✓2026-12-01 10:00', '已取消✓2026-12-01 10:30'])
  })
})

describe('maskPhone', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskPhone('12345')).toBe('****')
    expect(maskPhone('')).toBe('')
    expect(maskPhone(null)).toBe('')
  })
})
