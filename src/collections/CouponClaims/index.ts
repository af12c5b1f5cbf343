import type { CollectionConfig } from 'payload'

import { brandMember } from '../../access/brandMember'
import { nobody } from '../../access/nobody'
import { brandField } from '../../fields/brand'

/**
 * A coupon in a reader's hands. Written only by POST /api/coupons/:id/claim (claimed) and by checkout through
 * src/communities/coupons/redeem.ts (used / back to claimed); brand teams read their own.
 */
export const CouponClaims: CollectionConfig = {
  slug: 'coupon-claims',
  labels: { singular: { en: 'Coupon claim', zh: '领券记录' }, plural: { en: 'Coupon claims', zh: '领券记录' } },
  admin: { useAsTitle: 'code', defaultColumns: ['code', 'coupon', 'status', 'createdAt'], group: { en: 'Community', zh: '社区' } },
  graphQL: { singularName: 'CouponClaim', pluralName: 'CouponClaims' },
  access: { read: brandMember, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'coupon', type: 'relationship', relationTo: 'coupons', required: true, index: true, label: { en: 'Coupon', zh: '优惠券' } },
    { name: 'community', type: 'relationship', relationTo: 'communities', required: true, index: true, label: { en: 'Community', zh: '社区' } },
    { name: 'code', type: 'text', required: true, unique: true, label: { en: 'Code', zh: '券码' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'claimed',
      index: true,
      label: { en: 'Status', zh: '状态' },
      options: [
        { label: { en: 'Claimed', zh: '已领取' }, value: 'claimed' },
        { label: { en: 'Used', zh: '已使用' }, value: 'used' },
      ],
    },
    { name: 'orderRef', type: 'text', label: { en: 'Order', zh: '使用订单' } },
    { name: 'usedAt', type: 'date', label: { en: 'Used at', zh: '使用时间' } },
    { name: 'reader', type: 'text', required: true, index: true, admin: { hidden: true } },
    // coupon:code; the per-person limit is enforced by the reader's counter in community-counters (src/db/counters.ts).
    { name: 'uniqueKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
    brandField(),
  ],
}
