import { describe, expect, it } from 'vitest'

import {
  canTransition,
  isPaidStatus,
  ORDER_ACTION_RULES,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  orderActionsFrom,
  type OrderStatus,
  orderStatusLabel,
  PAID_STATUSES,
} from './orderStateMachine'

const statuses = ORDER_STATUSES.map((s) => s.value)

describe('the order state machine', () => {
  it('has the seven statuses with their labels', () => {
    expect(ORDER_STATUSES.map((s) => `${s.value} ${s.zh} ${s.en}`)).toEqual([
      'pending_payment 待支付 Pending payment',
      'paid 已支付 Paid',
      'shipped 已发货 Shipped',
      'completed 已完成 Completed',
      'cancelled 已取消 Cancelled',
      'refunding 退款中 Refunding',
      'refunded 已退款 Refunded',
    ])
    expect(orderStatusLabel('refunding')).toBe('退款中')
    expect(orderStatusLabel('unknown')).toBe('unknown')
  })

  it('allows exactly the listed moves and refuses every other', () => {
    const legal = statuses.flatMap((from) => statuses.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`))
    expect(legal).toEqual([
      'pending_payment→paid',
      'pending_payment→cancelled',
      'paid→shipped',
      'paid→completed',
      'paid→refunding',
      'shipped→completed',
      'shipped→refunding',
      'completed→refunding',
      'cancelled→refunding',
      'refunding→refunded',
    ])
    expect(canTransition('refunded', 'paid')).toBe(false)
    expect(canTransition('cancelled', 'paid')).toBe(false)
    expect(canTransition('paid', 'paid')).toBe(false)
    expect(canTransition('bogus' as OrderStatus, 'paid')).toBe(false)
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...statuses].sort())
  })

  it('counts paid, shipped and completed as paid (the money is held), and nothing else', () => {
    expect([...PAID_STATUSES]).toEqual(['paid', 'shipped', 'completed'])
    expect(statuses.filter(isPaidStatus)).toEqual(['paid', 'shipped', 'completed'])
  })

  it('offers each action only from statuses that may legally move to its target', () => {
    for (const action of ORDER_ACTIONS) {
      const rule = ORDER_ACTION_RULES[action]
      for (const from of rule.from) expect(canTransition(from, rule.to), `${action} from ${from}`).toBe(true)
    }
    expect(Object.fromEntries(statuses.map((s) => [s, orderActionsFrom(s)]))).toEqual({
      pending_payment: ['cancel'],
      paid: ['ship', 'complete', 'refund'],
      shipped: ['complete', 'refund'],
      completed: ['refund'],
      cancelled: [],
      refunding: [],
      refunded: [],
    })
    expect(orderActionsFrom(undefined)).toEqual([])
  })
})
