import type { FilterOptions } from 'payload'

import { brandIdsOf, idOf, isAdminUser } from '../access/roles'
import { selectedBrandOf } from '../access/selectedBrand'

/**
 * Product pickers inside article blocks offer only products of the article's own brand (the multi-tenant
 * plugin does not reach relationship fields inside Lexical blocks). Without the article's brand at hand:
 * the brand chosen in the admin's selector, else all of the editor's brands.
 */
export const productsOfOwnBrands: FilterOptions = ({ user, data, req }) => {
  // No user: a trusted server-side write (seed, jobs), which the Local API runs with overrideAccess.
  if (!user) return true
  const admin = isAdminUser(user)
  const own = brandIdsOf(user, 'content')
  const articleBrand = idOf((data as { brand?: unknown } | undefined)?.brand)
  const scope = articleBrand ?? selectedBrandOf(req?.headers)
  if (scope && (admin || own.includes(scope))) return { brand: { equals: scope } }
  if (admin) return true
  return { brand: { in: own } }
}
