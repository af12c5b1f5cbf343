import type { CollectionConfig } from 'payload'

import { brandsWhere } from '../../access/brandsWhere'
import { isAdmin } from '../../access/isAdmin'
import { slugField } from '../../fields/slug'
import { shelvesField } from './fields/shelves'
import { shopPolicyField } from './fields/shopPolicy'
import { refuseDeleteWhileInUse } from './hooks/refuseDeleteWhileInUse'
import { revalidateShop } from './hooks/revalidateShop'

export const Brands: CollectionConfig = {
  slug: 'brands',
  labels: { singular: { en: 'Brand', zh: '品牌' }, plural: { en: 'Brands', zh: '品牌' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'primaryColor'], group: { en: 'Settings', zh: '设置' } },
  // Members read their brands; owners edit their brand's settings; only admins add or remove brands.
  access: { read: brandsWhere('view'), create: isAdmin, update: brandsWhere('settings'), delete: isAdmin },
  hooks: { beforeDelete: [refuseDeleteWhileInUse], afterChange: [revalidateShop] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 40, label: { en: 'Name', zh: '品牌名称' } },
    slugField('brand', 'name'),
    { name: 'logo', type: 'upload', relationTo: 'media', label: { en: 'Logo', zh: '标志' } },
    {
      name: 'primaryColor',
      type: 'text',
      defaultValue: '#07c160',
      label: { en: 'Primary colour', zh: '品牌主色' },
      validate: (value: unknown) => (!value || (typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)) ? true : '颜色格式应为 #RRGGBB'),
    },
    {
      name: 'miniProgramAppId',
      type: 'text',
      label: { en: 'Mini program AppID', zh: '小程序 AppID' },
      validate: (value: unknown) =>
        !value || (typeof value === 'string' && /^wx[0-9a-f]{16}$/.test(value)) ? true : '小程序 AppID 格式应为 wx 加 16 位十六进制',
    },
    shopPolicyField,
    shelvesField,
  ],
}
