import { brandIdsOf, hasRole } from '../access/roles'
import type { User } from '../payload-types'

/** Brands whose funnel a user may see: 'all' for admins without a filter; null when none (→ 403). */
export type BrandScope = 'all' | string[]

export function funnelScope(user: unknown, requested?: string | null): BrandScope | null {
  const u = user as (User & { collection?: string }) | null | undefined
  if (!u || (u.collection && u.collection !== 'users')) return null
  if (hasRole(u, 'admin')) return requested ? [requested] : 'all'
  const own = brandIdsOf(u)
  if (!own.length) return null
  if (requested) return own.includes(requested) ? [requested] : null
  return own
}
