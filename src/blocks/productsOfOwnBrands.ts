import type { FilterOptions } from 'payload'

import { brandIdsOf, hasRole } from '../access/roles'

/**
 * Product pickers inside article blocks offer only the editor's own brands' products: other brands'
 * published products are publicly readable, so read access alone would list them.
 */
export const productsOfOwnBrands: FilterOptions = ({ user }) => {
  // No user: a trusted server-side write (seed, jobs), which the Local API runs with overrideAccess.
  if (!user || hasRole(user as never, 'admin')) return true
  return { brand: { in: brandIdsOf(user as never) } }
}
