import type { CollectionConfig } from 'payload'

import { brandMember } from '../../access/brandMember'
import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'
import { CHANNELS, EVENT_TYPES } from '../../analytics/types'
import { selectOptions } from '../../utilities/selectOptions'

/**
 * Funnel events (article view → block impression/tap → landing view → checkout → paid/refunded, and follows), the
 * raw rows behind the rollups (src/collections/FunnelRollups), kept for the retention window and pruned by a job.
 * Written only by src/analytics (the beacon buffer and recordEvent) with their rollups; reports never read them.
 * Indexed only for what reads them: the day (rebuild, pruning), the order and the dedupe key. No personal data:
 * `visitor` is a keyed hash of a random first-party cookie, never an IP or openid.
 */
export const FunnelEvents: CollectionConfig = {
  slug: 'funnel-events',
  labels: { singular: { en: 'Funnel event', zh: '转化事件' }, plural: { en: 'Funnel events', zh: '转化事件' } },
  admin: {
    useAsTitle: 'type',
    defaultColumns: ['type', 'article', 'block', 'product', 'channel', 'occurredAt'],
    group: { en: 'Analytics', zh: '数据' },
  },
  access: { read: brandMember, create: nobody, update: nobody, delete: isAdmin },
  timestamps: false,
  fields: [
    {
      name: 'type',
      type: 'select',
      required: true,
      options: selectOptions(EVENT_TYPES),
      label: { en: 'Type', zh: '类型' },
    },
    { name: 'brand', type: 'relationship', relationTo: 'brands', required: true, index: true, label: { en: 'Brand', zh: '品牌' } },
    { name: 'article', type: 'text', label: { en: 'Article id', zh: '文章 ID' } },
    { name: 'block', type: 'number', label: { en: 'Block index', zh: '商品块序号' } },
    { name: 'product', type: 'text', label: { en: 'Product id', zh: '商品 ID' } },
    {
      name: 'channel',
      type: 'select',
      options: selectOptions(CHANNELS),
      label: { en: 'Channel', zh: '渠道' },
    },
    { name: 'sharer', type: 'text', label: { en: 'Sharer', zh: '分享者' } },
    { name: 'visitor', type: 'text', label: { en: 'Visitor (hashed)', zh: '访客（哈希）' } },
    { name: 'order', type: 'text', index: true, label: { en: 'Order id', zh: '订单 ID' } },
    { name: 'amount', type: 'number', label: { en: 'Amount (fen)', zh: '金额（分）' } },
    // paid / refunded: the order's lines with their share of the amount (after discounts), for the product figures.
    { name: 'items', type: 'json', admin: { hidden: true } },
    { name: 'occurredAt', type: 'date', required: true, label: { en: 'At', zh: '时间' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'day', type: 'text', required: true, index: true, label: { en: 'Day (Beijing)', zh: '日期（北京时间）' } },
    { name: 'dedupeKey', type: 'text', unique: true, admin: { hidden: true } },
  ],
}
