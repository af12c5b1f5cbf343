import type { Access } from 'payload'

import { managesMembers } from './roles'

/** Create for admins and brand owners (e.g. inviting a member); hooks check which brands the owner may assign. */
export const brandOwnerCreate: Access = ({ req }) => managesMembers(req.user)
