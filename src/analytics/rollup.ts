// What one funnel event adds to the rollups (src/collections/FunnelRollups), as a plan the engine primitive
// (src/db/funnelRollups.ts) carries out atomically with the raw rows. Pure: the live path (beacon flush and
// recordEvent) and `npm run funnel:rebuild` plan the same way, so a rebuild equals what was counted live.
import crypto from 'node:crypto'

import { beijingHour } from '@/platform/beijingTime'

import { BEACON_TYPES, type EventType } from './types'

/** A page event counts at most this many times per visitor, day and rollup row (a flood of taps is one reader). */
export const MAX_COUNTED_PER_VISITOR = 3
/** Block of rows that carry only a step's unique visitors across the whole article. */
export const ARTICLE_WIDE_BLOCK = -2
export const NO_BLOCK = -1

/**
 * day: the report's rows; month: the same rows summed per calendar month (a long window reads whole months from
 * these); total: per brand and day only (the daily series); hour: the 48-hour view; channel: where readers came from.
 */
export type RollupGrain = 'day' | 'month' | 'total' | 'hour' | 'channel'

/** A raw funnel event as stored (brand resolved, normalised). */
export type FunnelRow = {
  id: string
  type: EventType
  brand: string
  article?: string
  block?: number
  product?: string
  channel?: string
  sharer?: string
  visitor?: string
  order?: string
  amount?: number
  items?: { product: string; units: number; amount: number }[]
  occurredAt: string
  day: string
  dedupeKey?: string
}

export type RollupDims = {
  grain: RollupGrain
  brand: string
  day: string
  bucket: string
  article: string
  block: number
  product: string
  type: string
  channel: string
}

/**
 * One increment of one rollup row. `mark` names a visitor's mark (the visitor × a day row): with `cap`, the
 * increment counts only while the mark is below the cap; `visitors` 'mark' adds one unique visitor when the mark
 * is new, 'event' one per event (nobody known: every event is its own visitor), 'none' nothing; `bump` advances
 * the mark. The engine applies an event's deltas in order, so a row that reads a mark comes before its bump.
 */
export type RollupDelta = RollupDims & {
  key: string
  count: number
  amount: number
  units: number
  visitors: 'mark' | 'event' | 'none'
  mark?: string
  cap?: number
  bump?: boolean
}

// Hashed: the key only has to be unique, and a 22-character key keeps the unique indexes small (the rows keep
// every dimension in their own columns).
const digest = (text: string) => crypto.createHash('sha1').update(text).digest('base64url').slice(0, 22)
export const rollupKey = (d: RollupDims) =>
  digest([d.grain === 'day' ? 'd' : d.grain === 'hour' ? 'h' : 'c', d.brand, d.bucket, d.article, d.block, d.product, d.type, d.channel].join('|'))

/**
 * A visitor's mark on a day row. The day leads, so a day's marks sit together in the key index: live traffic
 * writes only today's part of it (a random hash alone would dirty a different page of the whole index per mark).
 */
const markKey = (day: string, rowKey: string, visitor: string) => `${day.replaceAll('-', '')}${digest(`${rowKey}|${visitor}`)}`

/** Keys of the rows derived from day rows (month, total) are plain text, so the rebuild can recompute them in SQL. */
export const derivedKey = (d: Pick<RollupDims, 'grain' | 'brand' | 'bucket' | 'article' | 'block' | 'product' | 'type'>) =>
  [d.grain, d.brand, d.bucket, d.article, d.block, d.product, d.type].join('|')

const withKey = (dims: RollupDims, rest: Omit<RollupDelta, keyof RollupDims | 'key'>): RollupDelta => ({ ...dims, key: rollupKey(dims), ...rest })

/** The increments of one event, in the order they must be applied. */
export function planRollups(e: FunnelRow): RollupDelta[] {
  const cap = BEACON_TYPES.has(e.type) ? MAX_COUNTED_PER_VISITOR : undefined
  const money = e.type === 'paid' || e.type === 'refunded'
  const amount = money ? (e.amount ?? 0) : 0
  const units = (e.items ?? []).reduce((sum, item) => sum + item.units, 0)
  const base = { brand: e.brand, day: e.day, article: e.article ?? '', type: e.type as string }
  // The day row carries no channel (that would multiply the rows the report reads); channels have rows of their own.
  const row: RollupDims = { ...base, grain: 'day', bucket: e.day, block: e.block ?? NO_BLOCK, product: e.product ?? '', channel: '' }
  const rowKey = rollupKey(row)
  const mark = e.visitor ? markKey(e.day, rowKey, e.visitor) : undefined
  const out: RollupDelta[] = []
  if (e.channel) {
    // Where readers came from (二维码, 分享, 朋友圈…): per day × article × type × channel, counted as the day row counts.
    const channel: RollupDims = { ...base, grain: 'channel', bucket: e.day, block: NO_BLOCK, product: '', channel: e.channel }
    out.push(withKey(channel, { count: 1, amount, units: 0, visitors: 'none', mark, cap }))
  }
  if (e.article) {
    // The 推送后 48 小时 view, by hour: counted exactly when the day row counts the event (reads its mark first).
    const hour: RollupDims = { ...base, grain: 'hour', bucket: beijingHour(e.occurredAt), block: NO_BLOCK, product: '', channel: '' }
    out.push(withKey(hour, { count: 1, amount, units: 0, visitors: 'none', mark, cap }))
  }
  out.push({ ...row, key: rowKey, count: 1, amount, units, visitors: mark ? 'mark' : 'event', mark, cap, bump: Boolean(mark) })
  if (e.article) {
    // The step's unique visitors across the article (one reader tapping two blocks is one tapping reader).
    const wide: RollupDims = { ...base, grain: 'day', bucket: e.day, block: ARTICLE_WIDE_BLOCK, product: '', channel: '' }
    const wideKey = rollupKey(wide)
    out.push({
      ...wide,
      key: wideKey,
      count: 0,
      amount: 0,
      units: 0,
      ...(e.visitor ? { visitors: 'mark', mark: markKey(e.day, wideKey, e.visitor), bump: true } : { visitors: 'event' }),
    })
  }
  // The product figures: each line of a paid or refunded order, with its units and its share of the amount.
  if (money) {
    for (const item of e.items ?? []) {
      const line: RollupDims = { ...base, grain: 'day', bucket: e.day, block: e.block ?? NO_BLOCK, product: item.product, type: `${e.type}_item`, channel: '' }
      out.push(withKey(line, { count: 1, amount: item.amount, units: item.units, visitors: 'none' }))
    }
  }
  return out
}

/** The plan with the rows derived from day rows (SQLite derives them in SQL from the same plan, src/db). */
export const planWithDerived = (e: FunnelRow): RollupDelta[] => {
  const plan = planRollups(e)
  return [...plan, ...plan.flatMap(derivedOf)]
}

/** A day row's month row, and for the main row of a step also the brand's daily total (counted as it counts). */
function derivedOf(d: RollupDelta): RollupDelta[] {
  if (d.grain !== 'day') return []
  const month = d.day.slice(0, 7)
  const monthDims = { ...d, grain: 'month' as const, bucket: month, day: `${month}-01` }
  const twins: RollupDelta[] = [{ ...monthDims, key: derivedKey(monthDims), bump: false }]
  if (d.block !== ARTICLE_WIDE_BLOCK && !d.type.endsWith('_item')) {
    const total = { ...d, grain: 'total' as const, article: '', block: NO_BLOCK, product: '', channel: '' }
    twins.push({ ...total, key: derivedKey(total), visitors: 'none', bump: false })
  }
  return twins
}

/**
 * Splits an order total (after discounts) over its lines in proportion to their list value; the rounding remainder
 * goes to the last line, so the shares always add up to the total.
 */
export function allocateTotal(
  total: number,
  lines: { product: string; unitPrice: number; quantity: number }[],
): { product: string; units: number; amount: number }[] {
  const list = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0)
  let left = total
  return lines.map((l, i) => {
    const amount = i === lines.length - 1 ? left : list > 0 ? Math.floor((total * l.unitPrice * l.quantity) / list) : 0
    left -= amount
    return { product: l.product, units: l.quantity, amount }
  })
}
