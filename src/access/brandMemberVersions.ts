import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** Version history: version documents nest the data under `version`, so the brand path differs. */
export const brandMemberVersions: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const brands = brandIdsOf(req.user)
  return brands.length ? { 'version.brand': { in: brands } } : false
}
