// What a 模板消息 ID row of an Official Account is for: the stored values are what orderNotifications.ts looks up.
export const TEMPLATE_USES = [
  { value: 'order_paid', label: { zh: '支付成功', en: 'Order paid' } },
  { value: 'order_shipped', label: { zh: '已发货', en: 'Order shipped' } },
  { value: 'order_refunded', label: { zh: '已退款', en: 'Order refunded' } },
] as const
