// Sold out is cheap: once a checkout saw a product or SKU at 0, the next checkouts for it on this instance answer
// 409 OUT_OF_STOCK without touching the database. Forgotten at once here when stock is given back (a cancelled or
// expired order) or added (the product saved), and after TTL_MS everywhere else: another instance's releases
// reach this one within that time, so stock that comes back is sold again within about a second.
import type { StockLine } from '@/db/stock'

export const SOLD_OUT_TTL_MS = 1_000

const KEY = Symbol.for('tuiwen.commerce.soldOut')
const entries = ((globalThis as { [KEY]?: Map<string, number> })[KEY] ??= new Map<string, number>())

const keyOf = (line: Pick<StockLine, 'product' | 'variant'>) => `${line.product}\u0000${line.variant ?? ''}`

/** The first line known to be sold out right now, if any. */
export function knownSoldOut<T extends Pick<StockLine, 'product' | 'variant'>>(lines: T[], now = Date.now()): T | undefined {
  for (const line of lines) {
    const until = entries.get(keyOf(line))
    if (until === undefined) continue
    if (until > now) return line
    entries.delete(keyOf(line))
  }
  return undefined
}

export function markSoldOut(line: Pick<StockLine, 'product' | 'variant'>, now = Date.now()): void {
  if (entries.size > 10_000) entries.clear() // bounded: a flood of distinct ids must not grow the map
  entries.set(keyOf(line), now + SOLD_OUT_TTL_MS)
}

/** Stock came back for these products (every SKU of each). */
export function forgetSoldOut(productIds: Iterable<string>): void {
  const ids = new Set(productIds)
  for (const key of entries.keys()) if (ids.has(key.slice(0, key.indexOf('\u0000')))) entries.delete(key)
}
