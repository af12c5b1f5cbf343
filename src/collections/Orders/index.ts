import type { CollectionConfig } from 'payload'

import { brandMember } from '../../access/brandMember'
import { isAdmin } from '../../access/isAdmin'
import { brandField } from '../../fields/brand'
import { moneyField } from '../../fields/money'
import { orderStatusOptions } from './statuses'

/** Skeleton: orders are written by the checkout module (a later issue), read by their brand. */
export const Orders: CollectionConfig = {
  slug: 'orders',
  labels: { singular: { en: 'Order', zh: '订单' }, plural: { en: 'Orders', zh: '订单' } },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'status', 'total', 'brand', 'createdAt'],
    group: { en: 'Commerce', zh: '电商' },
  },
  access: { read: brandMember, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'number', type: 'text', required: true, unique: true, index: true, label: { en: 'Order number', zh: '订单号' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending_payment',
      index: true,
      options: orderStatusOptions,
      label: { en: 'Status', zh: '状态' },
    },
    {
      name: 'items',
      type: 'array',
      required: true,
      minRows: 1,
      label: { en: 'Items', zh: '商品' },
      fields: [
        { name: 'product', type: 'relationship', relationTo: 'products', required: true, label: { en: 'Product', zh: '商品' } },
        { name: 'title', type: 'text', required: true, label: { en: 'Title', zh: '名称' } },
        moneyField('unitPrice', { en: 'Unit price', zh: '单价' }, true),
        { name: 'quantity', type: 'number', required: true, min: 1, label: { en: 'Quantity', zh: '数量' } },
      ],
    },
    moneyField('total', { en: 'Total', zh: '合计' }, true),
    {
      name: 'buyer',
      type: 'group',
      label: { en: 'Buyer', zh: '买家' },
      fields: [
        { name: 'name', type: 'text', label: { en: 'Name', zh: '姓名' } },
        { name: 'phone', type: 'text', label: { en: 'Phone', zh: '电话' } },
        { name: 'address', type: 'textarea', label: { en: 'Address', zh: '地址' } },
      ],
    },
    brandField(),
  ],
}
