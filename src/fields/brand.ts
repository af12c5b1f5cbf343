import type { PayloadRequest, RelationshipField, Validate } from 'payload'

import { brandIdsOf, type Capability, idOf, isAdminUser } from '../access/roles'
import { selectedBrandOf } from '../access/selectedBrand'

const validateBrand =
  (capability: Capability): Validate =>
  async (value, { req, required }) => {
    const id = idOf(value)
    if (!id) return required ? '请选择所属品牌 (brand is required)' : true
    // Server code (checkout, jobs, seed: no user) copies the brand from documents it already loaded; looking
    // it up again would cost a query on every order, payment and history row.
    if (!req.user) return true
    if (!isAdminUser(req.user)) {
      if (!brandIdsOf(req.user).includes(id)) return '你不属于该品牌，不能在其下保存内容 (you do not belong to this brand)'
      if (!brandIdsOf(req.user, capability).includes(id)) {
        return '你在该品牌的角色不能保存此内容 (your role in this brand does not allow this)'
      }
    }
    const brand = await req.payload.findByID({ collection: 'brands', id, depth: 0, disableErrors: true, req, overrideAccess: true }).catch(() => null)
    if (!brand) return '所选品牌不存在 (unknown brand)'
    return true
  }

/** New documents go to the brand chosen in the admin's brand selector, else the user's first brand. */
function defaultBrand(capability: Capability) {
  return ({ req, user }: { req?: PayloadRequest; user?: unknown }) => {
    const selected = selectedBrandOf(req?.headers)
    if (selected && (isAdminUser(user) || brandIdsOf(user, capability).includes(selected))) return selected
    return brandIdsOf(user, capability)[0]
  }
}

/**
 * The brand a document belongs to. Members can only pick, and only save into, brands where their role
 * grants `capability` (default `content`: owners and editors). The multi-tenant plugin scopes lists and
 * access by this field (`customTenantField`), so it stays a plain, visible relationship named `brand`.
 */
export function brandField(overrides: Partial<RelationshipField> & { capability?: Capability } = {}): RelationshipField {
  const { capability = 'content', ...rest } = overrides
  return {
    name: 'brand',
    type: 'relationship',
    relationTo: 'brands',
    required: true,
    index: true,
    label: { en: 'Brand', zh: '品牌' },
    validate: validateBrand(capability),
    defaultValue: defaultBrand(capability),
    filterOptions: ({ user }) => (isAdminUser(user) ? true : { id: { in: brandIdsOf(user, capability) } }),
    admin: { position: 'sidebar' },
    ...rest,
  } as RelationshipField
}
