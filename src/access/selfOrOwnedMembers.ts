import type { Access, Where } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** Users: admins all accounts; everyone themselves; brand owners the members of the brands they own. */
export const selfOrOwnedMembers: Access = ({ req }): boolean | Where => {
  if (hasRole(req.user, 'admin')) return true
  if (!req.user) return false
  const owned = brandIdsOf(req.user, 'settings')
  if (!owned.length) return { id: { equals: req.user.id } }
  return { or: [{ id: { equals: req.user.id } }, { 'brands.brand': { in: owned } }] }
}
