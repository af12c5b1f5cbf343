import type { TokenCache } from './token-cache'

export type FreshCredential = { value: string; expiresIn: number }

export type CachedCredential = {
  /** Cached value, or a fresh one when absent or inside the refresh margin. */
  get(): Promise<string>
  /**
   * Called after the server rejected `rejected`. Single-flight: concurrent callers share one refresh, and a
   * caller whose rejected value was already replaced just gets the new value.
   */
  refresh(rejected?: string): Promise<string>
}

/**
 * Cache + single-flight refresh shared by the access token and the jsapi_ticket. `fetchFresh` gets the
 * rejected value so it can decide to force a rotation (stable_token returns the same token otherwise, §1.1.2).
 */
export function createCachedCredential(options: {
  cache: TokenCache
  key: string
  fetchFresh: (rejected?: string) => Promise<FreshCredential>
  /** Refresh this long before expiry. Default 300 s: the platform rotates stable tokens at T−300 s. */
  marginSeconds?: number
}): CachedCredential {
  const { cache, key, fetchFresh } = options
  const margin = options.marginSeconds ?? 300
  let inflight: Promise<string> | undefined

  const load = (rejected?: string): Promise<string> => {
    if (!inflight) {
      inflight = (async () => {
        try {
          const fresh = await fetchFresh(rejected)
          const ttl = fresh.expiresIn > 2 * margin ? fresh.expiresIn - margin : Math.max(1, Math.floor(fresh.expiresIn / 2))
          await cache.set(key, fresh.value, ttl)
          return fresh.value
        } finally {
          inflight = undefined
        }
      })()
    }
    return inflight
  }

  return {
    async get() {
      if (inflight) return inflight
      const cached = await cache.get(key)
      if (cached) return cached
      return load()
    },
    async refresh(rejected) {
      if (inflight) return inflight
      const cached = await cache.get(key)
      if (cached && rejected !== undefined && cached !== rejected) return cached
      await cache.delete?.(key)
      return load(rejected)
    },
  }
}
