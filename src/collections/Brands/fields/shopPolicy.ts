import type { Field } from 'payload'

/** 发货时效 choices, as the product page states them. */
export const SHIP_WITHIN = [
  { value: '24h', label: { en: 'Ships within 24 hours', zh: '24 小时内发货' } },
  { value: '48h', label: { en: 'Ships within 48 hours', zh: '48 小时内发货' } },
  { value: '72h', label: { en: 'Ships within 72 hours', zh: '72 小时内发货' } },
  { value: '7d', label: { en: 'Ships within 7 days', zh: '7 天内发货' } },
] as const

/**
 * The promises a product page makes for the brand (店铺服务): how fast it ships and whether 7 天无理由退货 applies.
 * Shipping is free on every order (checkout charges no 运费), and the page says so.
 */
export const shopPolicyField: Field = {
  name: 'shopPolicy',
  type: 'group',
  label: { en: 'Shop promises', zh: '店铺服务' },
  admin: { description: { en: 'Shown on every product page of the brand', zh: '显示在品牌每个商品页上' } },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'shipWithin', type: 'select', defaultValue: '48h', options: [...SHIP_WITHIN], label: { en: 'Dispatch time', zh: '发货时效' } },
        {
          name: 'sevenDayReturns',
          type: 'checkbox',
          defaultValue: true,
          label: { en: '7-day no-reason returns', zh: '支持 7 天无理由退货' },
        },
      ],
    },
    {
      name: 'returnsNote',
      type: 'text',
      maxLength: 60,
      label: { en: 'Returns note', zh: '退货说明（选填）' },
      admin: { placeholder: '如：食品类拆封后不支持无理由退货' },
    },
  ],
}
