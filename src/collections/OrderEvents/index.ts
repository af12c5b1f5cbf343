import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { nobody } from '../../access/nobody'
import { brandField } from '../../fields/brand'

/** Append-only history of order status transitions, written by src/commerce/orderState.ts only. */
export const OrderEvents: CollectionConfig = {
  slug: 'order-events',
  labels: { singular: { en: 'Order event', zh: '订单记录' }, plural: { en: 'Order history', zh: '订单记录' } },
  admin: {
    useAsTitle: 'to',
    defaultColumns: ['order', 'from', 'to', 'reason', 'createdAt'],
    group: { en: 'Commerce', zh: '电商' },
  },
  access: { read: brandCan('commerce'), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true, label: { en: 'Order', zh: '订单' } },
    { name: 'from', type: 'text', label: { en: 'From', zh: '原状态' } },
    { name: 'to', type: 'text', required: true, label: { en: 'To', zh: '新状态' } },
    { name: 'reason', type: 'text', label: { en: 'Reason', zh: '原因' } },
    { name: 'actor', type: 'text', label: { en: 'Actor', zh: '操作方' } },
    brandField(),
  ],
}
