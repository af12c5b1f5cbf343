import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/** Create for admins and brand owners (e.g. inviting a member); hooks check which brands the owner may assign. */
export const brandOwnerCreate: Access = ({ req }) => hasRole(req.user, 'admin') || brandIdsOf(req.user, 'settings').length > 0
