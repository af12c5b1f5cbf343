import type { Block } from 'payload'

import { productsOfOwnBrands } from '../productsOfOwnBrands'
import { validateCardSku } from './validateSku'

/** A shoppable product inside an article, optionally as one of its SKUs. Slug `productCard` keys its entry in the blocks registry (../registry.ts). */
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
      name: 'sku',
      type: 'text',
      maxLength: 32,
      validate: validateCardSku,
      label: { en: 'SKU (optional)', zh: '规格（选填）' },
      admin: {
        description: {
          en: "A SKU code of the product: the card shows its price and the page opens on it. Empty: the product's own price.",
          zh: '填写商品的规格编码（如 LJ-50G）：卡片显示该规格的价格，读者点开即选中该规格。留空则显示商品售价。',
        },
      },
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
