// Engine-specific commerce primitives: the atomic stock hold/release and compare-and-set of a status column.
// Only src/commerce/ calls these. Each is ONE atomic database operation, so concurrent checkouts can never
// oversell and a state change (e.g. pending_payment → cancelled) has exactly one winner.
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'

export type StockLine = { product: string; quantity: number }

type LibsqlResult = { rowsAffected?: number; rows?: unknown[] }
type SqliteDb = { run: (query: unknown) => Promise<LibsqlResult> }
type MongoModel = {
  findOneAndUpdate: (filter: object, update: object, options?: object) => Promise<unknown>
  updateOne: (filter: object, update: object) => Promise<{ modifiedCount?: number }>
}

const sqliteDb = (payload: Payload) => (payload.db as unknown as { drizzle: SqliteDb }).drizzle
const mongoModel = (payload: Payload, slug: string) => (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[slug]

/** Quantities per product, summed, so two lines of the same SKU are checked together (medusa#16502). */
export function sumLines(lines: StockLine[]): StockLine[] {
  const byProduct = new Map<string, number>()
  for (const line of lines) byProduct.set(line.product, (byProduct.get(line.product) ?? 0) + line.quantity)
  return [...byProduct].map(([product, quantity]) => ({ product, quantity }))
}

function assertLines(lines: StockLine[]): void {
  if (!lines.length) throw new RangeError('stock: no lines')
  for (const { product, quantity } of lines) {
    if (typeof product !== 'string' || !product) throw new RangeError('stock: product id must be a string')
    if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError('stock: quantity must be an integer ≥ 1')
  }
}

/**
 * Takes `quantity` units of every product, all or nothing. Returns false (and changes nothing) when any
 * product has fewer units than asked.
 *
 * SQLite: a single UPDATE whose WHERE re-checks every line's `stock >= qty` inside the same statement, so the
 * check and the decrement are one atomic step (a statement is its own transaction in SQLite).
 * MongoDB: one findOneAndUpdate({ stock: { $gte } }, { $inc }) per product; if a later product is short, the
 * earlier ones are given back (compensation), so stock is never below zero and never lost.
 */
export async function holdStock(payload: Payload, input: StockLine[]): Promise<boolean> {
  const lines = sumLines(input)
  assertLines(lines)
  if (activeEngine() === 'mongodb') {
    const model = mongoModel(payload, 'products')
    const taken: StockLine[] = []
    for (const line of lines) {
      const doc = await model.findOneAndUpdate({ _id: line.product, stock: { $gte: line.quantity } }, { $inc: { stock: -line.quantity } })
      if (!doc) {
        if (taken.length) await releaseStock(payload, taken)
        return false
      }
      taken.push(line)
    }
    return true
  }
  const cases = sql.join(
    lines.map((l) => sql`WHEN ${l.product} THEN ${l.quantity}`),
    sql` `,
  )
  const ids = sql.join(
    lines.map((l) => sql`${l.product}`),
    sql`, `,
  )
  const enough = sql.join(
    lines.map((l) => sql`(id = ${l.product} AND stock >= ${l.quantity})`),
    sql` OR `,
  )
  const result = await sqliteDb(payload).run(
    sql`UPDATE products SET stock = stock - (CASE id ${cases} END)
        WHERE id IN (${ids}) AND (SELECT COUNT(*) FROM products WHERE ${enough}) = ${lines.length}`,
  )
  const changed = result.rowsAffected ?? 0
  if (changed !== 0 && changed !== lines.length) throw new Error(`stock: partial hold (${changed}/${lines.length}); this must not happen`)
  return changed === lines.length
}

/** Gives units back (order cancelled, payment window expired, or a failed checkout compensating). */
export async function releaseStock(payload: Payload, input: StockLine[]): Promise<void> {
  const lines = sumLines(input)
  assertLines(lines)
  if (activeEngine() === 'mongodb') {
    const model = mongoModel(payload, 'products')
    for (const line of lines) await model.updateOne({ _id: line.product }, { $inc: { stock: line.quantity } })
    return
  }
  const cases = sql.join(
    lines.map((l) => sql`WHEN ${l.product} THEN ${l.quantity}`),
    sql` `,
  )
  const ids = sql.join(
    lines.map((l) => sql`${l.product}`),
    sql`, `,
  )
  await sqliteDb(payload).run(sql`UPDATE products SET stock = stock + (CASE id ${cases} END) WHERE id IN (${ids})`)
}

/** Units currently available, read straight from the database (bypasses any cache). */
export async function readStock(payload: Payload, productId: string): Promise<number | null> {
  if (activeEngine() === 'mongodb') {
    const doc = (await (mongoModel(payload, 'products') as unknown as { findById: (id: string) => { lean: () => Promise<{ stock?: number } | null> } })
      .findById(productId)
      .lean()) as { stock?: number } | null
    return doc ? Number(doc.stock ?? 0) : null
  }
  const result = await sqliteDb(payload).run(sql`SELECT stock FROM products WHERE id = ${productId}`)
  const row = result.rows?.[0] as { stock?: unknown } | undefined
  return row ? Number(row.stock) : null
}

const STATUS_TABLES = { orders: 'orders', payments: 'payments' } as const
export type StatusCollection = keyof typeof STATUS_TABLES

/**
 * Moves `status` from `from` to `to` only if it still is `from`; returns whether this call won.
 * One UPDATE … WHERE status = ? (SQLite) / updateOne({ status }) (MongoDB): concurrent callers cannot both win.
 */
export async function compareAndSetStatus(payload: Payload, collection: StatusCollection, id: string, from: string, to: string): Promise<boolean> {
  const now = new Date()
  if (activeEngine() === 'mongodb') {
    const result = await mongoModel(payload, collection).updateOne({ _id: id, status: from }, { $set: { status: to, updatedAt: now } })
    return (result.modifiedCount ?? 0) === 1
  }
  const table = sql.raw(STATUS_TABLES[collection])
  const result = await sqliteDb(payload).run(
    sql`UPDATE ${table} SET status = ${to}, updated_at = ${now.toISOString()} WHERE id = ${id} AND status = ${from}`,
  )
  return (result.rowsAffected ?? 0) === 1
}

/** What checkout needs of a product, read in one query (the hot path of a flash sale avoids the full Local API). */
export type CheckoutProductRow = { id: string; title: string; price: number; stock: number; status: string; brand: string }

export async function readCheckoutProducts(payload: Payload, ids: string[]): Promise<CheckoutProductRow[]> {
  if (!ids.length) return []
  if (activeEngine() === 'mongodb') {
    const model = mongoModel(payload, 'products') as unknown as { find: (q: object) => { lean: () => Promise<Array<Record<string, unknown>>> } }
    const valid = ids.filter((id) => /^[0-9a-f]{24}$/i.test(id))
    if (!valid.length) return []
    const docs = await model.find({ _id: { $in: valid } }).lean()
    return docs.map((d) => ({ id: String(d._id), title: String(d.title), price: Number(d.price), stock: Number(d.stock ?? 0), status: String(d.status), brand: String(d.brand) }))
  }
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
  const result = await sqliteDb(payload).run(sql`SELECT id, title, price, stock, status, brand_id FROM products WHERE id IN (${list})`)
  return (result.rows ?? []).map((row) => {
    const r = row as Record<string, unknown>
    return { id: String(r.id), title: String(r.title), price: Number(r.price), stock: Number(r.stock), status: String(r.status), brand: String(r.brand_id) }
  })
}
