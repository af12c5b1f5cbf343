import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'
import { resendEndpoint } from './endpoints/resend'

/**
 * One document per (order, status) notification to the buyer (服务号模板消息), written only by
 * src/notifications. The unique `key` is the claim that keeps a retried or repeated job from notifying twice.
 */
export const OrderNotifications: CollectionConfig = {
  slug: 'order-notifications',
  labels: { singular: { en: 'Order notification', zh: '订单通知' }, plural: { en: 'Order notifications', zh: '订单通知' } },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['order', 'event', 'status', 'error', 'updatedAt'],
    group: { en: 'Commerce', zh: '电商' },
  },
  access: { read: brandCan('commerce'), create: nobody, update: nobody, delete: isAdmin },
  endpoints: [resendEndpoint],
  fields: [
    {
      name: 'resend',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '@/components/admin/notifications/ResendNotification#ResendNotification' } },
    },
    { name: 'key', type: 'text', required: true, unique: true, index: true, label: { en: 'Key', zh: '去重键' } },
    { name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true, label: { en: 'Order', zh: '订单' } },
    {
      name: 'event',
      type: 'select',
      required: true,
      options: [
        { value: 'paid', label: { en: 'Paid', zh: '支付成功' } },
        { value: 'shipped', label: { en: 'Shipped', zh: '已发货' } },
        { value: 'refunded', label: { en: 'Refunded', zh: '已退款' } },
      ],
      label: { en: 'Event', zh: '通知类型' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: [
        { value: 'pending', label: { en: 'Sending', zh: '发送中' } },
        { value: 'sent', label: { en: 'Sent', zh: '已发送' } },
        { value: 'failed', label: { en: 'Failed', zh: '发送失败' } },
        { value: 'skipped', label: { en: 'Skipped', zh: '未发送' } },
      ],
      label: { en: 'Status', zh: '状态' },
    },
    /** Failed with a transient error: the job's next attempt resumes it. */
    { name: 'retryable', type: 'checkbox', defaultValue: false, label: { en: 'Will retry', zh: '将重试' } },
    { name: 'error', type: 'text', label: { en: 'Error / reason', zh: '失败原因 / 未发送原因' } },
    { name: 'attempts', type: 'number', defaultValue: 0, label: { en: 'Attempts', zh: '尝试次数' } },
    { name: 'templateId', type: 'text', label: { en: 'Template id', zh: '模板 ID' } },
    { name: 'msgId', type: 'text', label: { en: 'WeChat msgid', zh: '微信消息 ID' } },
    { name: 'sentAt', type: 'date', label: { en: 'Sent at', zh: '发送时间' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'brand',
      type: 'relationship',
      relationTo: 'brands',
      required: true,
      index: true,
      label: { en: 'Brand', zh: '品牌' },
      admin: { position: 'sidebar' },
    },
  ],
}
