import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { brandCanCreate } from '../../access/brandCanCreate'
import { publishedOrBrandMember } from '../../access/publishedOrBrandMember'
import { revalidateProductPage } from '../../commerce/revalidateProductPage'
import { brandField } from '../../fields/brand'
import { moneyField } from '../../fields/money'
import { slugField } from '../../fields/slug'
import { statusField } from '../../fields/status'
import { forgetSoldOutOnSave } from './hooks/forgetSoldOut'
import { scheduleSaleStart } from './hooks/scheduleSaleStart'
import { stockFromVariants } from './hooks/stockFromVariants'
import { compareAtAbovePrice } from './validation/compareAtAbovePrice'
import { optionalWholeInRange } from './validation/optionalWholeInRange'
import { variantSku } from './validation/variantSku'
import { wholeNonNegative } from './validation/wholeNonNegative'

const variantPrice = moneyField('price', { en: 'Price (optional)', zh: '规格售价（选填）' })

export const Products: CollectionConfig = {
  slug: 'products',
  labels: { singular: { en: 'Product', zh: '商品' }, plural: { en: 'Products', zh: '商品' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'price', 'stock', 'status', 'brand'],
    group: { en: 'Commerce', zh: '电商' },
  },
  access: {
    read: publishedOrBrandMember('status'),
    create: brandCanCreate('content'),
    update: brandCan('content'),
    delete: brandCan('content'),
  },
  hooks: { beforeValidate: [stockFromVariants], afterChange: [revalidateProductPage, scheduleSaleStart, forgetSoldOutOnSave] },
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
          admin: {
            description: {
              en: 'Units still available to buy; with variants, the sum of their stock (set automatically)',
              zh: '仍可购买的件数；有规格时自动为各规格库存之和',
            },
          },
        },
      ],
    },
    {
      name: 'variants',
      type: 'array',
      maxRows: 30,
      label: { en: 'Variants (SKUs)', zh: '规格（SKU）' },
      labels: { singular: { en: 'Variant', zh: '规格' }, plural: { en: 'Variants', zh: '规格' } },
      admin: {
        description: {
          en: 'Optional. With variants, buyers must choose one; stock is held per SKU.',
          zh: '选填。有规格时买家必须选择一个规格，库存按规格扣减。',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'sku', type: 'text', required: true, maxLength: 32, label: { en: 'SKU', zh: '规格编码' }, validate: variantSku },
            { name: 'name', type: 'text', required: true, maxLength: 30, label: { en: 'Name', zh: '规格名称' }, admin: { placeholder: '250g 罐装' } },
            {
              ...variantPrice,
              admin: { ...variantPrice.admin, description: { en: 'Empty: the product price', zh: '留空则用商品售价' } },
            },
            {
              name: 'stock',
              type: 'number',
              required: true,
              defaultValue: 0,
              min: 0,
              label: { en: 'Stock', zh: '规格库存' },
              validate: wholeNonNegative('规格库存'),
            },
          ],
        },
        {
          name: 'image',
          type: 'upload',
          relationTo: 'media',
          label: { en: 'SKU image', zh: '规格图片' },
          admin: { description: { en: 'Optional: shown first on this SKU’s page and on its pill', zh: '选填：打开该规格时首先显示，并显示在规格选项上' } },
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
    {
      name: 'category',
      type: 'text',
      maxLength: 12,
      index: true,
      label: { en: 'Category', zh: '分类' },
      admin: { position: 'sidebar', placeholder: '绿茶', description: { en: 'Groups products in the shop (货架)', zh: '店铺首页按分类浏览' } },
    },
    {
      type: 'collapsible',
      label: { en: 'Purchase limits', zh: '购买限制' },
      admin: { initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'maxPerOrder',
              type: 'number',
              min: 1,
              max: 999,
              defaultValue: 20,
              label: { en: 'Max per order', zh: '每单限购（件）' },
              validate: optionalWholeInRange('每单限购', 1, 999),
              admin: { description: { en: 'So one buyer cannot hold a launch’s whole stock (empty: 20)', zh: '防止一个人占住全部库存（留空为 20）' } },
            },
            {
              name: 'paymentWindowMinutes',
              type: 'number',
              min: 1,
              max: 120,
              label: { en: 'Payment window (minutes)', zh: '支付时限（分钟）' },
              validate: optionalWholeInRange('支付时限', 1, 120),
              admin: {
                description: {
                  en: 'Unpaid orders give their stock back after this (empty: 15; for a flash sale, e.g. 5)',
                  zh: '超时未支付的订单自动取消并退回库存（留空为 15 分钟；秒杀建议 5 分钟）',
                },
              },
            },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: { en: 'Flash sale', zh: '秒杀' },
      admin: {
        initCollapsed: true,
        description: {
          en: 'Pair with a short payment window (Purchase limits) so unpaid orders return their stock fast.',
          zh: '建议同时在「购买限制」里把支付时限设短（如 5 分钟），未支付的订单会更快退回库存。',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'saleStartsAt',
              type: 'date',
              label: { en: 'Sale starts at', zh: '开抢时间' },
              admin: {
                date: { pickerAppearance: 'dayAndTime', timeIntervals: 1 },
                description: {
                  en: 'Optional. Marks the product as a flash sale (秒杀): before this time the page counts down and checkout is refused',
                  zh: '选填。设置后为秒杀商品：开抢前商品页显示倒计时、不能下单（页面按北京时间显示）',
                },
              },
            },
            {
              name: 'limitPerBuyer',
              type: 'number',
              min: 1,
              max: 999,
              label: { en: 'Limit per buyer', zh: '每人限购（件）' },
              validate: optionalWholeInRange('每人限购', 1, 999),
              admin: {
                description: {
                  en: 'Optional. Units one buyer (WeChat reader, else phone number) may hold across orders; unpaid orders that expire give them back',
                  zh: '选填。同一买家（微信身份，否则按手机号）累计可买件数；未支付超时的订单会退回额度',
                },
              },
            },
          ],
        },
      ],
    },
    brandField(),
    slugField('p'),
    statusField,
  ],
}
