import type { FieldAccess } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** Field writes for admins and brand owners (memberships); row-level limits live in the Users hooks. */
export const brandOwnerField: FieldAccess = ({ req }) => hasRole(req.user, 'admin') || brandIdsOf(req.user, 'settings').length > 0
