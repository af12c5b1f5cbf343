import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { brandCanCreate } from '../../access/brandCanCreate'
import { publishedOrBrandMember } from '../../access/publishedOrBrandMember'
import { claimEndpoint } from '../../communities/endpoints'
import { counterLimitHooks, usedCountField } from '../../communities/hooks/counterFields'
import { sameBrandRelations } from '../../communities/hooks/sameBrandRelations'
import { brandField } from '../../fields/brand'
import { moneyField } from '../../fields/money'
import { statusField } from '../../fields/status'

type CouponData = Partial<{ kind: string; validFrom: string }>

/** A brand coupon claimed on the community page: fixed amount or percent off, minimum spend, validity window, limits. */
export const Coupons: CollectionConfig = {
  slug: 'coupons',
  labels: { singular: { en: 'Coupon', zh: '优惠券' }, plural: { en: 'Coupons', zh: '优惠券' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'kind', 'validUntil', 'totalQuantity', 'claimed', 'status'], group: { en: 'Community', zh: '社区' } },
  access: { read: publishedOrBrandMember('status'), create: brandCanCreate('content'), update: brandCan('content'), delete: brandCan('content') },
  endpoints: [claimEndpoint],
  hooks: {
    beforeChange: [sameBrandRelations([{ field: 'community', collection: 'communities' }]), counterLimitHooks.beforeChange('coupon', 'totalQuantity')],
    afterChange: [counterLimitHooks.afterChange('coupon', 'totalQuantity')],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 30, label: { en: 'Title', zh: '名称' } },
    { name: 'community', type: 'relationship', relationTo: 'communities', required: true, index: true, label: { en: 'Community', zh: '所属社区' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'fixed',
      label: { en: 'Type', zh: '类型' },
      options: [
        { label: { en: 'Amount off', zh: '满减（减固定金额）' }, value: 'fixed' },
        { label: { en: 'Percent off', zh: '折扣（按比例）' }, value: 'percent' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          ...moneyField('amountOff', { en: 'Amount off', zh: '减免金额' }),
          admin: { ...moneyField('amountOff', { en: '', zh: '' }).admin, condition: (data) => data?.kind !== 'percent' },
          validate: (value: unknown, { data }: { data: CouponData }) =>
            data?.kind === 'percent' || (typeof value === 'number' && Number.isInteger(value) && value > 0) ? true : '请填写减免金额 (amount off is required)',
        },
        {
          name: 'percentOff',
          type: 'number',
          label: { en: 'Percent off', zh: '优惠比例 %' },
          admin: { condition: (data) => data?.kind === 'percent', description: { en: '15 = 15% off', zh: '15 表示减 15%，即 85 折' } },
          validate: (value: unknown, { data }: { data: CouponData }) =>
            data?.kind !== 'percent' || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 99)
              ? true
              : '优惠比例为 1–99 的整数 (1–99)',
        },
        { ...moneyField('minSpend', { en: 'Minimum spend', zh: '最低消费' }), defaultValue: 0 },
      ],
    },
    {
      type: 'row',
      fields: [
        // A new coupon runs from now for 30 days unless the brand says otherwise.
        {
          name: 'validFrom',
          type: 'date',
          required: true,
          defaultValue: () => new Date().toISOString(),
          label: { en: 'Valid from', zh: '生效时间' },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'validUntil',
          type: 'date',
          required: true,
          index: true,
          defaultValue: () => new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
          label: { en: 'Valid until', zh: '失效时间' },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { data }: { data: CouponData }) =>
            !value
              ? '请填写失效时间 (required)'
              : !data?.validFrom || new Date(value as string) > new Date(data.validFrom)
                ? true
                : '失效时间必须晚于生效时间 (must end after it starts)',
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'totalQuantity', type: 'number', required: true, min: 1, max: 1_000_000, label: { en: 'Total quantity', zh: '发放总量' } },
        {
          name: 'perPersonLimit',
          type: 'number',
          required: true,
          defaultValue: 1,
          label: { en: 'Per person', zh: '每人限领' },
          validate: (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10 ? true : '每人限领 1–10 张 (1–10)'),
        },
        usedCountField('coupon', 'claimed', { en: 'Claimed', zh: '已领取' }),
      ],
    },
    brandField(),
    statusField,
  ],
}
