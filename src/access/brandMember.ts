import { brandCan } from './brandCan'

/** Admins: everything. Members of brands (any role): documents of their brands. Others: nothing. */
export const brandMember = brandCan('view')
