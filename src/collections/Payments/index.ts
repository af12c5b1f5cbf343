import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { nobody } from '../../access/nobody'
import { brandField } from '../../fields/brand'
import { moneyField } from '../../fields/money'

export const PAYMENT_STATUSES = ['pending', 'paid', 'closed', 'failed', 'refunding', 'refunded'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** One WeChat Pay attempt of an order: its own out_trade_no (§4.10), prepay result and settlement. */
export const Payments: CollectionConfig = {
  slug: 'payments',
  labels: { singular: { en: 'Payment', zh: '支付记录' }, plural: { en: 'Payments', zh: '支付记录' } },
  admin: {
    useAsTitle: 'outTradeNo',
    defaultColumns: ['outTradeNo', 'status', 'amount', 'channel', 'createdAt'],
    group: { en: 'Commerce', zh: '电商' },
  },
  access: { read: brandCan('commerce'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true, label: { en: 'Order', zh: '订单' } },
    { name: 'outTradeNo', type: 'text', required: true, unique: true, index: true, label: { en: 'out_trade_no', zh: '商户订单号' } },
    { name: 'attempt', type: 'number', required: true, label: { en: 'Attempt', zh: '第几次支付' } },
    {
      name: 'channel',
      type: 'select',
      required: true,
      options: ['jsapi', 'h5', 'native'].map((value) => ({ value, label: value })),
      label: { en: 'Channel', zh: '支付方式' },
    },
    moneyField('amount', { en: 'Amount', zh: '金额' }, true),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: PAYMENT_STATUSES.map((value) => ({ value, label: value })),
      label: { en: 'Status', zh: '状态' },
    },
    { name: 'sandbox', type: 'checkbox', defaultValue: false, label: { en: 'Sandbox', zh: '沙箱' } },
    { name: 'prepayId', type: 'text', label: { en: 'prepay_id', zh: 'prepay_id' } },
    { name: 'payUrl', type: 'text', label: { en: 'h5_url / code_url', zh: '支付链接' } },
    { name: 'payerOpenid', type: 'text', label: { en: 'Payer openid', zh: '付款人 openid' } },
    { name: 'transactionId', type: 'text', index: true, label: { en: 'transaction_id', zh: '微信支付单号' } },
    { name: 'paidAt', type: 'date', label: { en: 'Paid at', zh: '支付时间' } },
    { name: 'settledBy', type: 'text', label: { en: 'Settled by', zh: '确认来源' } },
    { name: 'outRefundNo', type: 'text', index: true, label: { en: 'out_refund_no', zh: '退款单号' } },
    { name: 'refundStatus', type: 'text', label: { en: 'Refund status', zh: '退款状态' } },
    { name: 'note', type: 'text', label: { en: 'Note', zh: '备注' } },
    brandField(),
  ],
}
