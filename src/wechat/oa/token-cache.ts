import { type Clock, systemClock } from '../../platform/clock'

/** Shared cache for access tokens and tickets (Redis-like: the cache owns expiry). */
export type TokenCache = {
  get(key: string): Promise<string | undefined> | string | undefined
  /** `ttlSeconds` is how long the value may still be handed out. */
  set(key: string, value: string, ttlSeconds: number): Promise<void> | void
  delete?(key: string): Promise<void> | void
}

export function createMemoryTokenCache(clock: Clock = systemClock): TokenCache {
  const entries = new Map<string, { value: string; expiresAt: number }>()
  return {
    get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (clock.now() >= entry.expiresAt) {
        entries.delete(key)
        return undefined
      }
      return entry.value
    },
    set(key, value, ttlSeconds) {
      entries.set(key, { value, expiresAt: clock.now() + ttlSeconds * 1000 })
    },
    delete(key) {
      entries.delete(key)
    },
  }
}
