import type { RelationshipField, Validate } from 'payload'

import { brandIdsOf, hasRole, idOf } from '../access/roles'

const validateBrand: Validate = async (value, { req, required }) => {
  const id = idOf(value)
  if (!id) return required ? '请选择所属品牌 (brand is required)' : true
  if (!hasRole(req.user, 'admin') && req.user && !brandIdsOf(req.user).includes(id)) {
    return '你不属于该品牌，不能在其下保存内容 (you do not belong to this brand)'
  }
  const brand = await req.payload
    .findByID({ collection: 'brands', id, depth: 0, disableErrors: true, req })
    .catch(() => null)
  if (!brand) return '所选品牌不存在 (unknown brand)'
  return true
}

/** The brand a document belongs to. Non-admins can only pick, and only save into, their own brands. */
export function brandField(overrides: Partial<RelationshipField> = {}): RelationshipField {
  return {
    name: 'brand',
    type: 'relationship',
    relationTo: 'brands',
    required: true,
    index: true,
    label: { en: 'Brand', zh: '品牌' },
    validate: validateBrand,
    // Most people belong to one brand: preselect it.
    defaultValue: ({ user }: { user?: unknown }) => brandIdsOf(user as never)[0],
    filterOptions: ({ user }) => {
      if (hasRole(user as never, 'admin')) return true
      return { id: { in: brandIdsOf(user as never) } }
    },
    admin: { position: 'sidebar' },
    ...overrides,
  } as RelationshipField
}
