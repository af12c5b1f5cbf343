import type { User } from '../payload-types'
import { idOf } from '../utilities/idOf'

/** Installation-wide role: `admin` runs the whole installation; everyone else is a brand `member`. */
export type Role = 'admin' | 'member'

/** A member's role inside one brand (the `brands` array on the user: one row per brand). */
export type BrandRole = 'owner' | 'editor' | 'operator'

/**
 * What a brand role may do inside its brand:
 * - view: read the brand's documents and numbers (every member)
 * - content: articles, products, media, communities, events, coupons, pushes (owner, editor)
 * - commerce: orders, payments, customers, after-sales (owner, operator)
 * - settings: members, WeChat accounts, the brand itself (owner)
 */
export type Capability = 'view' | 'content' | 'commerce' | 'settings'

export const BRAND_ROLE_CAPABILITIES: Record<BrandRole, readonly Capability[]> = {
  owner: ['view', 'content', 'commerce', 'settings'],
  editor: ['view', 'content'],
  operator: ['view', 'commerce'],
}

type Membership = { brand?: unknown; role?: string | null }
type MaybeUser = (Pick<User, 'roles'> & { brands?: Membership[] | null }) | null | undefined

export function hasRole(user: MaybeUser, role: Role): boolean {
  return Boolean(user?.roles?.includes(role))
}

export function isAdminUser(user: unknown): boolean {
  return hasRole(user as MaybeUser, 'admin')
}

export { idOf }

export function roleCan(role: string | null | undefined, capability: Capability): boolean {
  return Boolean(role && (BRAND_ROLE_CAPABILITIES as Record<string, readonly Capability[]>)[role]?.includes(capability))
}

/**
 * The ids of the brands in which a user's role grants `capability` (default: any membership), whether
 * the rows' `brand` arrived populated or as ids. Admins are not members: check `isAdminUser` first.
 */
export function brandIdsOf(user: unknown, capability: Capability = 'view'): string[] {
  const rows = (user as MaybeUser)?.brands ?? []
  const ids: string[] = []
  for (const row of rows) {
    const id = idOf(row?.brand)
    if (id && roleCan(row.role, capability) && !ids.includes(id)) ids.push(id)
  }
  return ids
}

/** The user's role in one brand, if a member. */
export function brandRoleOf(user: unknown, brandId: string): BrandRole | undefined {
  const row = ((user as MaybeUser)?.brands ?? []).find((r) => idOf(r?.brand) === brandId)
  return (row?.role as BrandRole | undefined) ?? undefined
}

/** Admins, and owners of at least one brand: who may create accounts and hand out memberships. */
export function managesMembers(user: unknown): boolean {
  return isAdminUser(user) || brandIdsOf(user, 'settings').length > 0
}

/** Admins everywhere; members where their role in `brandId` grants `capability`. */
export function canInBrand(user: unknown, brandId: string | undefined, capability: Capability): boolean {
  if (isAdminUser(user)) return true
  return Boolean(brandId && brandIdsOf(user, capability).includes(brandId))
}
