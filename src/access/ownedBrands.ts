import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** The brand documents themselves: admins all; owners the brands they own (their settings). */
export const ownedBrands: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const owned = brandIdsOf(req.user, 'settings')
  return owned.length ? { id: { in: owned } } : false
}
