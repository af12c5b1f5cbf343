import type { CollectionBeforeChangeHook } from 'payload'

import { brandIdsOf, idOf } from '../../../access/roles'

/** Media uploaded by a brand member belongs to that member's (first) brand unless chosen otherwise. */
export const defaultBrandFromUser: CollectionBeforeChangeHook = ({ data, req }) => {
  const brands = brandIdsOf(req.user, 'content')
  if (!idOf(data.brand) && brands.length) return { ...data, brand: brands[0] }
  return data
}
