import { ValidationError } from 'payload'

/** True when Payload refused a create because `field` must be unique (SQLite unique index / MongoDB E11000). */
export function isUniqueViolation(error: unknown, field = 'uniqueKey'): boolean {
  if (!(error instanceof ValidationError)) return false
  const errors = (error.data as { errors?: { path?: string }[] } | undefined)?.errors ?? []
  return errors.some((e) => e.path === field)
}
