import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** Create for brand teams (editors and brand users with a brand); the `brand` field validates which brand. */
export const brandTeamCreate: Access = ({ req }) =>
  hasRole(req.user, 'admin') ||
  ((hasRole(req.user, 'editor') || hasRole(req.user, 'brand')) && brandIdsOf(req.user).length > 0)
