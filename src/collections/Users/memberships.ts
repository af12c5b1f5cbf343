import type { ArrayField } from 'payload'

import { brandOwnerField } from '../../access/brandOwnerField'
import type { BrandRole } from '../../access/roles'
import { idOf } from '../../utilities/idOf'
import { type LabelledValue, selectOptions } from '../../utilities/selectOptions'

export const BRAND_ROLES: LabelledValue<BrandRole>[] = [
  { value: 'owner', zh: '品牌负责人（成员与设置）', en: 'Owner (members and settings)' },
  { value: 'editor', zh: '编辑（文章与商品）', en: 'Editor (articles and products)' },
  { value: 'operator', zh: '运营（订单与售后）', en: 'Operator (orders and after-sales)' },
]

/**
 * One row per brand the user belongs to, with the role there. This is the multi-tenant plugin's
 * "tenants array" (`brands[].brand`), so the brand selector and the plugin's access scoping read it.
 */
export const membershipsField: ArrayField = {
  name: 'brands',
  type: 'array',
  label: { en: 'Brand memberships', zh: '所属品牌与角色' },
  labels: { singular: { en: 'Membership', zh: '品牌角色' }, plural: { en: 'Memberships', zh: '品牌角色' } },
  saveToJWT: true,
  access: { create: brandOwnerField, update: brandOwnerField },
  // One role per brand: two rows for the same brand would silently add up their rights.
  validate: (rows: unknown) => {
    const brands = (Array.isArray(rows) ? rows : []).map((r) => idOf((r as { brand?: unknown })?.brand)).filter(Boolean)
    return new Set(brands).size === brands.length ? true : '同一品牌只能设置一个角色 (one role per brand)'
  },
  admin: {
    condition: (_data, _sibling, { user }) => Boolean(user),
    description: {
      zh: '负责人管理成员与公众号设置；编辑写文章、管商品；运营处理订单与售后。',
      en: 'Owners manage members and settings; editors write articles and manage products; operators handle orders.',
    },
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'brand',
          type: 'relationship',
          relationTo: 'brands',
          required: true,
          label: { en: 'Brand', zh: '品牌' },
          // No filterOptions: they would also reject the rows of brands the owner does not own but must keep.
          // guardMemberships decides which rows an owner may change.
        },
        {
          name: 'role',
          type: 'select',
          required: true,
          defaultValue: 'editor',
          label: { en: 'Role', zh: '角色' },
          options: selectOptions(BRAND_ROLES),
        },
      ],
    },
  ],
}
