import type { Field } from 'payload'

export const MAX_SHELVES = 10
export const MAX_SHELF_PRODUCTS = 12

/** The shop home's shelves (货架), in the order the brand drags them: a title and the products on it. */
export const shelvesField: Field = {
  name: 'shelves',
  type: 'array',
  maxRows: MAX_SHELVES,
  label: { en: 'Shop shelves', zh: '店铺货架' },
  labels: { singular: { en: 'Shelf', zh: '货架' }, plural: { en: 'Shelves', zh: '货架' } },
  admin: {
    initCollapsed: true,
    components: { RowLabel: '@/components/admin/shop/ShelfRowLabel#ShelfRowLabel' },
    description: { en: 'Shown on the shop home /s/<brand>, in this order', zh: '按顺序显示在店铺首页 /s/<品牌标识>' },
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 20, label: { en: 'Title', zh: '标题' }, admin: { placeholder: '春茶上新' } },
    {
      name: 'products',
      type: 'relationship',
      relationTo: 'products',
      hasMany: true,
      maxRows: MAX_SHELF_PRODUCTS,
      label: { en: 'Products', zh: '商品' },
      // Only the brand's own products: Payload also checks saved values against this, so another brand's product
      // cannot be put on a shelf through the API either. (The shop page shows published ones only.)
      filterOptions: ({ id }) => (id ? { brand: { equals: id } } : false),
    },
  ],
}
