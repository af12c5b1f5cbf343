import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** Reading brand documents: admins all; members the brands they belong to. */
export const memberBrands: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const brands = brandIdsOf(req.user)
  return brands.length ? { id: { in: brands } } : false
}
