import type { FieldAccess } from 'payload'

import { managesMembers } from './roles'

/** Field writes for admins and brand owners (memberships); row-level limits live in the Users hooks. */
export const brandOwnerField: FieldAccess = ({ req }) => managesMembers(req.user)
