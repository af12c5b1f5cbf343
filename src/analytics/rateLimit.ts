/** In-process token buckets (per visitor and per client), pruned as they refill. Good enough per server process. */
export type RateLimiter = { take(key: string, cost?: number): boolean; size(): number }

export function createRateLimiter(options: { capacity: number; refillPerSecond: number; now?: () => number; maxKeys?: number }): RateLimiter {
  const now = options.now ?? Date.now
  const maxKeys = options.maxKeys ?? 50_000
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take(key, cost = 1) {
      const t = now()
      let bucket = buckets.get(key)
      if (bucket) {
        bucket.tokens = Math.min(options.capacity, bucket.tokens + ((t - bucket.at) / 1000) * options.refillPerSecond)
        bucket.at = t
      } else {
        if (buckets.size >= maxKeys) {
          // Drop the oldest-touched half: a full bucket map under attack must not grow without bound.
          let i = 0
          for (const k of buckets.keys()) if (i++ < maxKeys / 2) buckets.delete(k)
        }
        bucket = { tokens: options.capacity, at: t }
        buckets.set(key, bucket)
      }
      if (bucket.tokens < cost) return false
      bucket.tokens -= cost
      // Re-insert so Map order approximates recency.
      buckets.delete(key)
      buckets.set(key, bucket)
      return true
    },
    size: () => buckets.size,
  }
}
