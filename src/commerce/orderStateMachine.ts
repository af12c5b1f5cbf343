// The order state machine as data: the statuses and their labels, the legal moves, which statuses count as paid,
// and what the brand's team may do from each status. Pure (no server imports), so the admin's client components
// read the same rules the server enforces (src/commerce/orderState.ts moves orders by them).
import type { Capability } from '@/access/roles'
import type { LabelledValue } from '@/utilities/selectOptions'

export const ORDER_STATUSES = [
  { value: 'pending_payment', en: 'Pending payment', zh: '待支付' },
  { value: 'paid', en: 'Paid', zh: '已支付' },
  { value: 'shipped', en: 'Shipped', zh: '已发货' },
  { value: 'completed', en: 'Completed', zh: '已完成' },
  { value: 'cancelled', en: 'Cancelled', zh: '已取消' },
  { value: 'refunding', en: 'Refunding', zh: '退款中' },
  { value: 'refunded', en: 'Refunded', zh: '已退款' },
] as const satisfies readonly LabelledValue[]

export type OrderStatus = (typeof ORDER_STATUSES)[number]['value']

/** The Chinese label of a status; an unknown value is shown as it is. */
export const orderStatusLabel = (value: string) => ORDER_STATUSES.find((s) => s.value === value)?.zh ?? value

/** Legal moves. `cancelled → refunding` exists only for a payment that lands after the order expired. */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['shipped', 'refunding', 'completed'],
  shipped: ['completed', 'refunding'],
  completed: ['refunding'],
  cancelled: ['refunding'],
  refunding: ['refunded'],
  refunded: [],
}

export const canTransition = (from: OrderStatus, to: OrderStatus) => ORDER_TRANSITIONS[from]?.includes(to) ?? false

/** Paid and not (being) refunded: the brand holds the buyer's money, so the order may be refunded. */
export const PAID_STATUSES = ['paid', 'shipped', 'completed'] as const satisfies readonly OrderStatus[]

export const isPaidStatus = (status: string) => (PAID_STATUSES as readonly string[]).includes(status)

export const ORDER_ACTIONS = ['ship', 'complete', 'cancel', 'refund'] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

/** Who may act: admins, and the owners and operators of the order's brand (after-sales is theirs, not editors'). */
export const ORDER_ACTION_CAPABILITY: Capability = 'commerce'

type ActionRule = { to: OrderStatus; from: readonly OrderStatus[]; label: string; reason: string; confirm?: string }

/**
 * What each action does and from which statuses the admin offers it. Each `from` is a legal move to `to`;
 * refund is offered from the paid statuses only (`cancelled → refunding` is the system's, for a late payment).
 */
export const ORDER_ACTION_RULES: Record<OrderAction, ActionRule> = {
  ship: { to: 'shipped', from: ['paid'], label: '发货', reason: '商家已发货' },
  complete: { to: 'completed', from: ['paid', 'shipped'], label: '完成订单', reason: '订单完成' },
  cancel: { to: 'cancelled', from: ['pending_payment'], label: '取消订单', reason: '商家取消未支付订单', confirm: '取消后库存将退回，确定取消？' },
  refund: { to: 'refunding', from: PAID_STATUSES, label: '全额退款', reason: '商家发起退款', confirm: '将通过微信支付原路退回全部金额，确定退款？' },
}

/** The actions offered from `status`, in the order the admin shows them. */
export const orderActionsFrom = (status: string | undefined): OrderAction[] =>
  ORDER_ACTIONS.filter((action) => status !== undefined && (ORDER_ACTION_RULES[action].from as readonly string[]).includes(status))
