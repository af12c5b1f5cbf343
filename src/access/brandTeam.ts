import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** Admins: everything. Editors and brand users: documents of their brands (brand teams run their communities). */
export const brandTeam: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!hasRole(req.user, 'editor') && !hasRole(req.user, 'brand')) return false
  const brands = brandIdsOf(req.user)
  return brands.length ? { brand: { in: brands } } : false
}
