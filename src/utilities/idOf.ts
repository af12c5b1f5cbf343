/** The id of a relationship value, whether it arrived populated (`{ id }`) or as the id itself. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value
  if (typeof value === 'number') return String(value)
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return undefined
}

/** Like `idOf`, for a relationship that must be set (a required field): a missing one is a bug, so it throws. */
export function requiredIdOf(value: unknown): string {
  const id = idOf(value)
  if (!id) throw new Error(`expected a relationship id, got ${JSON.stringify(value)}`)
  return id
}
