import type { User } from '../payload-types'

export type Role = 'admin' | 'editor' | 'brand'

type MaybeUser = Pick<User, 'roles' | 'brands'> | null | undefined

export function hasRole(user: MaybeUser, role: Role): boolean {
  return Boolean(user?.roles?.includes(role))
}

/** The ids of the brands a user belongs to, whether `brands` arrived populated or as ids. */
export function brandIdsOf(user: MaybeUser): string[] {
  return (user?.brands ?? []).map((b) => (typeof b === 'string' ? b : b.id))
}

export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return undefined
}
