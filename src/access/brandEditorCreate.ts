import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/**
 * Create: admins, and editors who belong to at least one brand. There is no document yet to scope by;
 * the `brand` field's validation rejects a brand the editor does not belong to, as a field error.
 */
export const brandEditorCreate: Access = ({ req }) =>
  hasRole(req.user, 'admin') || (hasRole(req.user, 'editor') && brandIdsOf(req.user).length > 0)
