import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** Admins: everything. Members of brands (any role): documents of their brands. Others: nothing. */
export const brandMember: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const brands = brandIdsOf(req.user)
  return brands.length ? { brand: { in: brands } } : false
}
