import type { Access } from 'payload'

import { brandIdsOf, hasRole } from './roles'

/**
 * Read access for public content. The public sees published documents only; brand members also see
 * their own brand's drafts; admins see everything. `statusField` is `status` for our own select field
 * and `_status` for collections with Payload drafts.
 */
export const publishedOrBrandMember =
  (statusField: 'status' | '_status'): Access =>
  ({ req }) => {
    if (hasRole(req.user, 'admin')) return true
    const published = { [statusField]: { equals: 'published' } }
    const brands = brandIdsOf(req.user)
    if (!brands.length) return published
    return { or: [published, { brand: { in: brands } }] }
  }
