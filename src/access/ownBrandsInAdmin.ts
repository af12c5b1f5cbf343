import type { BaseFilter } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/**
 * Admin lists show a team member their own brands' documents only. Read access alone would also list
 * other brands' published (public) products and articles.
 */
export const ownBrandsInAdmin: BaseFilter = ({ req }) => {
  if (!req.user || hasRole(req.user, 'admin')) return null
  return { brand: { in: brandIdsOf(req.user) } }
}
