import type { Access } from 'payload'

import { brandIdsOf, type Capability, hasRole } from './roles'

/** The brand documents themselves: admins all; members the brands where their role grants `capability`. */
export const brandsWhere =
  (capability: Capability): Access =>
  ({ req }) => {
    if (hasRole(req.user, 'admin')) return true
    const brands = brandIdsOf(req.user, capability)
    return brands.length ? { id: { in: brands } } : false
  }
