import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** Update/delete: admins everything; editors the documents of their brands; brand users only read. */
export const brandEditor: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!hasRole(req.user, 'editor')) return false
  const brands = brandIdsOf(req.user)
  return brands.length ? { brand: { in: brands } } : false
}
