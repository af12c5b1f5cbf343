import type { CollectionConfig } from 'payload'

import { brandEditor } from '../../access/brandEditor'
import { brandEditorCreate } from '../../access/brandEditorCreate'
import { publishedOrBrandMember } from '../../access/publishedOrBrandMember'
import { ownBrandsInAdmin } from '../../access/ownBrandsInAdmin'
import { brandField } from '../../fields/brand'
import { moneyField } from '../../fields/money'
import { slugField } from '../../fields/slug'
import { statusField } from '../../fields/status'
import { revalidateProductPage } from '../../commerce/revalidateProductPage'
import { compareAtAbovePrice } from './validation/compareAtAbovePrice'
import { wholeNonNegative } from './validation/wholeNonNegative'

export const Products: CollectionConfig = {
  slug: 'products',
  labels: { singular: { en: 'Product', zh: '商品' }, plural: { en: 'Products', zh: '商品' } },
  admin: {
    baseFilter: ownBrandsInAdmin,
    useAsTitle: 'title',
    defaultColumns: ['title', 'price', 'stock', 'status', 'brand'],
    group: { en: 'Commerce', zh: '电商' },
  },
  access: {
    read: publishedOrBrandMember('status'),
    create: brandEditorCreate,
    update: brandEditor,
    delete: brandEditor,
  },
  hooks: { afterChange: [revalidateProductPage] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 60, label: { en: 'Title', zh: '商品名称' } },
    {
      type: 'row',
      fields: [
        moneyField('price', { en: 'Price', zh: '售价' }, true),
        { ...moneyField('compareAtPrice', { en: 'Compare-at price', zh: '划线价' }), validate: compareAtAbovePrice },
        {
          name: 'stock',
          type: 'number',
          required: true,
          defaultValue: 0,
          min: 0,
          label: { en: 'Stock', zh: '可售库存' },
          validate: wholeNonNegative('库存'),
          admin: { description: { en: 'Units still available to buy', zh: '仍可购买的件数' } },
        },
      ],
    },
    {
      name: 'images',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      maxRows: 9,
      label: { en: 'Images', zh: '商品图片' },
    },
    {
      name: 'sellingPoints',
      type: 'array',
      maxRows: 5,
      label: { en: 'Selling points', zh: '卖点' },
      labels: { singular: { en: 'Selling point', zh: '卖点' }, plural: { en: 'Selling points', zh: '卖点' } },
      fields: [{ name: 'text', type: 'text', required: true, maxLength: 40, label: { en: 'Text', zh: '内容' } }],
    },
    { name: 'description', type: 'textarea', maxLength: 2000, label: { en: 'Description', zh: '商品详情' } },
    brandField(),
    slugField('p'),
    statusField,
  ],
}
