import type { Access } from 'payload'

import { brandIdsOf, type Capability, hasRole } from './roles'

/** Read/update/delete: admins everything; members the documents of brands where their role grants `capability`. */
export const brandCan =
  (capability: Capability): Access =>
  ({ req }) => {
    if (hasRole(req.user, 'admin')) return true
    const brands = brandIdsOf(req.user, capability)
    return brands.length ? { brand: { in: brands } } : false
  }
