import type { Block } from 'payload'

import { productsOfOwnBrands } from '../productsOfOwnBrands'

/** A shoppable product inside an article. Slug `productCard` keys its entry in the blocks registry (../registry.ts). */
export const ProductCardBlock: Block = {
  slug: 'productCard',
  interfaceName: 'ProductCardBlock',
  labels: { singular: { en: 'Product card', zh: '商品卡片' }, plural: { en: 'Product cards', zh: '商品卡片' } },
  fields: [
    {
      name: 'product',
      type: 'relationship',
      relationTo: 'products',
      required: true,
      filterOptions: productsOfOwnBrands,
      label: { en: 'Product', zh: '商品' },
    },
    {
      name: 'layout',
      type: 'select',
      defaultValue: 'large',
      required: true,
      label: { en: 'Layout', zh: '样式' },
      options: [
        { label: { en: 'Large', zh: '大图' }, value: 'large' },
        { label: { en: 'Small', zh: '小图' }, value: 'small' },
        { label: { en: 'Text only', zh: '纯文字' }, value: 'text' },
      ],
    },
    { name: 'cta', type: 'text', label: { en: 'Button text', zh: '按钮文字' }, maxLength: 12 },
  ],
}
