// 订单进度 on the reader's order page: 下单 → 支付 → 发货 → 完成, or its end by 退款 / 取消, with Beijing times
// from the order and its history. Pure, so the page and its test read the same steps.
import { beijingMinute } from '@/platform/beijingTime'

export type TimelineStep = { key: string; label: string; done: boolean; at?: string }

type TimelineOrder = { status: string; createdAt: string; paidAt?: string | null; shipment?: { shippedAt?: string | null } | null }
type TimelineEvent = { to: string; createdAt: string }

const REFUND_STATUSES = ['refunding', 'refunded']

export function orderTimeline(order: TimelineOrder, history: readonly TimelineEvent[]): TimelineStep[] {
  const when = (status: string, own?: string | null) => {
    const at = own ?? history.findLast((e) => e.to === status)?.createdAt
    return at ? beijingMinute(at) : undefined
  }
  const step = (key: string, label: string, at: string | undefined, reached = Boolean(at)) => ({ key, label, done: reached, ...(at ? { at } : {}) })
  const paid = when('paid', order.paidAt)
  const shipped = when('shipped', order.shipment?.shippedAt)
  const steps = [step('placed', '下单', beijingMinute(order.createdAt), true), step('paid', '支付', paid)]
  if (order.status === 'cancelled' && !paid) return [...steps.slice(0, 1), step('cancelled', '已取消', when('cancelled'), true)]
  if (REFUND_STATUSES.includes(order.status)) {
    const refunded = order.status === 'refunded'
    const end = step('refund', refunded ? '已退款' : '退款中', when(order.status), true)
    return [...steps, ...(shipped ? [step('shipped', '发货', shipped)] : []), end]
  }
  return [...steps, step('shipped', '发货', shipped), step('completed', '完成', when('completed'), order.status === 'completed')]
}
