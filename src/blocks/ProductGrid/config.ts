import type { Block } from 'payload'

import { productsOfOwnBrands } from '../productsOfOwnBrands'

/** Two-column grid of 2–6 products. */
export const ProductGridBlock: Block = {
  slug: 'productGrid',
  interfaceName: 'ProductGridBlock',
  labels: { singular: { en: 'Product grid', zh: '商品宫格' }, plural: { en: 'Product grids', zh: '商品宫格' } },
  fields: [
    {
      name: 'products',
      type: 'relationship',
      relationTo: 'products',
      hasMany: true,
      required: true,
      minRows: 2,
      maxRows: 6,
      filterOptions: productsOfOwnBrands,
      label: { en: 'Products', zh: '商品' },
    },
  ],
}
