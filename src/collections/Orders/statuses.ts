import { selectOptions } from '../../utilities/selectOptions'

/** Order states; the checkout issue adds the transition rules and history writes. */
export const ORDER_STATUSES = [
  { value: 'pending_payment', en: 'Pending payment', zh: '待支付' },
  { value: 'paid', en: 'Paid', zh: '已支付' },
  { value: 'shipped', en: 'Shipped', zh: '已发货' },
  { value: 'completed', en: 'Completed', zh: '已完成' },
  { value: 'cancelled', en: 'Cancelled', zh: '已取消' },
  { value: 'refunding', en: 'Refunding', zh: '退款中' },
  { value: 'refunded', en: 'Refunded', zh: '已退款' },
] as const

export type OrderStatus = (typeof ORDER_STATUSES)[number]['value']

export const orderStatusOptions = selectOptions(ORDER_STATUSES)
