import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { isAdmin, isAdminField } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'
import { CARRIERS, isTrackingNumber, TRACKING_NUMBER_MESSAGE } from '../../commerce/carriers'
import { ORDER_STATUSES } from '../../commerce/orderStateMachine'
import { brandField } from '../../fields/brand'
import { moneyField } from '../../fields/money'
import { selectOptions } from '../../utilities/selectOptions'
import { orderActionEndpoint } from './endpoints/action'

/**
 * Orders are written by src/commerce only (checkout, payment settlement, expiry, refunds), read by their brand.
 * `status` moves only through the state machine (its rules: src/commerce/orderStateMachine.ts) in
 * src/commerce/orderState.ts, which appends to `order-events`.
 */
export const Orders: CollectionConfig = {
  slug: 'orders',
  labels: { singular: { en: 'Order', zh: '订单' }, plural: { en: 'Orders', zh: '订单' } },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'status', 'total', 'brand', 'createdAt'],
    group: { en: 'Commerce', zh: '电商' },
  },
  // Status changes go through the commerce module (state machine + history), so nobody edits orders here.
  access: { read: brandCan('commerce'), create: isAdmin, update: nobody, delete: isAdmin },
  endpoints: [orderActionEndpoint],
  fields: [
    {
      name: 'orderActions',
      type: 'ui',
      label: { en: 'Actions', zh: '订单处理' },
      admin: { position: 'sidebar', components: { Field: '@/components/admin/OrderActions#OrderActions' } },
    },
    { name: 'number', type: 'text', required: true, unique: true, index: true, label: { en: 'Order number', zh: '订单号' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending_payment',
      index: true,
      options: selectOptions(ORDER_STATUSES),
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
        { name: 'variant', type: 'text', label: { en: 'Variant (SKU)', zh: '规格编码' } },
        { name: 'variantName', type: 'text', label: { en: 'Variant', zh: '规格' } },
        { name: 'title', type: 'text', required: true, label: { en: 'Title', zh: '名称' } },
        moneyField('unitPrice', { en: 'Unit price', zh: '单价' }, true),
        { name: 'quantity', type: 'number', required: true, min: 1, label: { en: 'Quantity', zh: '数量' } },
      ],
    },
    // Coupon at checkout (src/commerce/checkout.ts): subtotal from DB prices, discount computed on the server,
    // total = subtotal − discount (≥ 1 fen). Orders without a coupon have discount 0 and subtotal = total.
    moneyField('subtotal', { en: 'Subtotal', zh: '商品金额' }),
    moneyField('discount', { en: 'Coupon discount', zh: '优惠金额' }),
    moneyField('total', { en: 'Total', zh: '合计' }, true),
    {
      name: 'couponClaim',
      type: 'relationship',
      relationTo: 'coupon-claims',
      label: { en: 'Coupon used', zh: '使用的优惠券' },
      admin: { readOnly: true, position: 'sidebar' },
    },
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
    // Written by the 发货 action (src/commerce/orderActions.ts); the reader's order page links to the carrier's tracking.
    {
      name: 'shipment',
      type: 'group',
      label: { en: 'Shipment', zh: '物流' },
      admin: { readOnly: true },
      fields: [
        { name: 'carrier', type: 'select', options: selectOptions(CARRIERS), label: { en: 'Carrier', zh: '快递公司' } },
        {
          name: 'trackingNumber',
          type: 'text',
          maxLength: 40,
          label: { en: 'Tracking number', zh: '运单号' },
          validate: (value: unknown) => (value == null || value === '' || isTrackingNumber(value) ? true : TRACKING_NUMBER_MESSAGE),
        },
        { name: 'shippedAt', type: 'date', label: { en: 'Shipped at', zh: '发货时间' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    { name: 'customer', type: 'relationship', relationTo: 'users', label: { en: 'Logged-in reader', zh: '下单用户' }, admin: { readOnly: true } },
    {
      name: 'reader',
      type: 'relationship',
      relationTo: 'customers',
      label: { en: 'WeChat reader', zh: '微信读者' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: { en: 'Recognised by WeChat OAuth at checkout; gets the order notifications', zh: '下单时通过微信授权识别，接收订单通知' },
      },
    },
    {
      name: 'notifications',
      type: 'join',
      collection: 'order-notifications',
      on: 'order',
      label: { en: 'Buyer notifications', zh: '买家通知' },
      admin: { defaultColumns: ['event', 'status', 'error', 'updatedAt'] },
    },
    {
      name: 'attribution',
      type: 'group',
      label: { en: 'Attribution', zh: '来源' },
      admin: { readOnly: true },
      fields: [
        { name: 'article', type: 'text', index: true, label: { en: 'Article', zh: '文章' } },
        { name: 'block', type: 'number', label: { en: 'Block index', zh: '商品块序号' } },
        { name: 'sharer', type: 'text', label: { en: 'Sharer', zh: '分享者' } },
        // The buyer's hashed funnel visitor (src/platform/reader/funnelVisitor.ts), so checkouts and payments count unique visitors.
        { name: 'visitor', type: 'text', admin: { hidden: true } },
      ],
    },
    {
      name: 'channel',
      type: 'select',
      options: [
        { value: 'jsapi', label: { en: 'WeChat JSAPI', zh: '公众号支付' } },
        { value: 'h5', label: { en: 'H5', zh: 'H5 支付' } },
        { value: 'native', label: { en: 'Native (QR)', zh: '扫码支付' } },
      ],
      label: { en: 'Payment channel', zh: '支付方式' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'expiresAt',
      type: 'date',
      index: true,
      label: { en: 'Payment window ends', zh: '支付截止' },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'paidAt', type: 'date', label: { en: 'Paid at', zh: '支付时间' }, admin: { readOnly: true, position: 'sidebar' } },
    // sha256 of the guest access token (the token itself is only ever in the buyer's link).
    { name: 'accessTokenHash', type: 'text', index: true, access: { read: () => false, update: () => false }, admin: { hidden: true } },
    // The same token, encrypted (platform/secrets), so the notification job can link the buyer to the order page.
    { name: 'accessTokenEncrypted', type: 'text', access: { read: () => false, update: () => false }, admin: { hidden: true } },
    // 秒杀 每人限购 (src/commerce/flashSale.ts): the per-buyer counters this order took, `<counter key>*<units>` separated
    // by spaces (keys carry a hash of the buyer's openid/phone, never the raw value); given back once if it is cancelled unpaid.
    {
      name: 'buyerKey',
      type: 'text',
      access: { read: isAdminField, create: () => false, update: () => false },
      admin: { hidden: true, readOnly: true },
    },
    brandField(),
  ],
}
