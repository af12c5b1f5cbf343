import type { Access } from 'payload'

import { brandIdsOf, type Capability, hasRole } from './roles'

/**
 * Create: admins, and members whose role grants `capability` in at least one brand. There is no document
 * yet to scope by; the `brand` field's validation rejects a brand where the role does not allow it.
 */
export const brandCanCreate =
  (capability: Capability): Access =>
  ({ req }) =>
    hasRole(req.user, 'admin') || brandIdsOf(req.user, capability).length > 0
