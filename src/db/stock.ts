// Stock, engine by engine: the atomic hold/release of units (a product, or one SKU) and reads of what is left.
// Only src/commerce/ and src/db/orderPlacement.ts call these. A hold is ONE atomic database operation, so
// concurrent checkouts can never oversell.
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { mongoModel as mongoCollection } from './mongo'
import { pgHoldLines, pgReleaseLines, ShortStock } from './postgresStock'
import { execute, onPostgres, pgTransaction, possibleIds } from './relational'
import { sqliteBatch, sqliteDb } from './sqlite'

/** One line of stock: a product, or one SKU (`variant`) of a product that has variants. */
export type StockLine = { product: string; variant?: string; quantity: number }

type MongoModel = {
  findOneAndUpdate: (filter: object, update: object, options?: object) => Promise<unknown>
  updateOne: (filter: object, update: object, options?: object) => Promise<{ modifiedCount?: number; matchedCount?: number }>
}
type SQL = ReturnType<typeof sql>

const mongoModel = (payload: Payload, slug: string) => mongoCollection<MongoModel>(payload, slug)

const lineKey = (l: Pick<StockLine, 'product' | 'variant'>) => `${l.product}\u0000${l.variant ?? ''}`

/** Quantities per product and SKU, summed, so two lines of the same SKU are checked together (medusa#16502). */
export function sumLines(lines: StockLine[]): StockLine[] {
  const byKey = new Map<string, StockLine>()
  for (const line of lines) {
    const key = lineKey(line)
    const seen = byKey.get(key)
    if (seen) seen.quantity += line.quantity
    else byKey.set(key, { product: line.product, ...(line.variant ? { variant: line.variant } : {}), quantity: line.quantity })
  }
  return [...byKey.values()]
}

function assertLines(lines: StockLine[]): void {
  if (!lines.length) throw new RangeError('stock: no lines')
  for (const { product, variant, quantity } of lines) {
    if (typeof product !== 'string' || !product) throw new RangeError('stock: product id must be a string')
    if (variant !== undefined && (typeof variant !== 'string' || !variant)) throw new RangeError('stock: variant must be a non-empty SKU string')
    if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError('stock: quantity must be an integer ≥ 1')
  }
}

const list = (parts: SQL[], sep: string) => sql.join(parts, sql.raw(sep))
const uniq = <T>(xs: T[]) => [...new Set(xs)]

/** SQLite fragments over products (plain lines) and products_variants (SKU lines, keyed by parent id + sku). */
export function sqliteParts(lines: StockLine[]) {
  const plain = lines.filter((l) => !l.variant)
  const skus = lines.filter((l) => l.variant)
  const noVariants = (alias: string) => sql.raw(`NOT EXISTS (SELECT 1 FROM products_variants pv WHERE pv._parent_id = ${alias}.id)`)
  return {
    plain,
    skus,
    parents: uniq(skus.map((l) => l.product)),
    plainCases: list(
      plain.map((l) => sql`WHEN ${l.product} THEN ${l.quantity}`),
      ' ',
    ),
    plainIds: list(
      plain.map((l) => sql`${l.product}`),
      ', ',
    ),
    // Every plain line has enough AND its product has no variants (those are only sold per SKU).
    plainEnough: list(
      plain.map((l) => sql`(p.id = ${l.product} AND p.stock >= ${l.quantity} AND ${noVariants('p')})`),
      ' OR ',
    ),
    skuCases: list(
      skus.map((l) => sql`WHEN _parent_id = ${l.product} AND sku = ${l.variant} THEN ${l.quantity}`),
      ' ',
    ),
    skuRows: list(
      skus.map((l) => sql`(_parent_id = ${l.product} AND sku = ${l.variant})`),
      ' OR ',
    ),
    skuEnough: list(
      skus.map((l) => sql`(v._parent_id = ${l.product} AND v.sku = ${l.variant} AND v.stock >= ${l.quantity})`),
      ' OR ',
    ),
    noVariants,
  }
}

/** products.stock of products with variants is the sum of their SKUs' stock: recomputed in the same transaction. */
export const sqliteResumParents = (parents: string[]) =>
  sql`UPDATE products SET stock = (SELECT COALESCE(SUM(v.stock), 0) FROM products_variants v WHERE v._parent_id = products.id)
      WHERE id IN (${list(
        parents.map((id) => sql`${id}`),
        ', ',
      )})`

/**
 * Takes `quantity` units of every line (a product, or one SKU of a product), all or nothing. Returns false (and
 * changes nothing) when any line has fewer units than asked, or names a SKU the product does not have.
 *
 * SQLite, plain products only: a single UPDATE whose WHERE re-checks every line's `stock >= qty` inside the same
 * statement, so the check and the decrement are one atomic step (a statement is its own transaction in SQLite).
 * SQLite with SKUs: one write transaction (a libsql batch: BEGIN IMMEDIATE … COMMIT on one connection):
 *   1. one UPDATE of products_variants whose WHERE re-checks every SKU line AND every plain line (the gate);
 *   2. plain products are decremented only if step 1 changed every SKU row (`changes()` = its row count);
 *   3. products.stock of the SKUs' products is recomputed as the sum of their variants.
 * PostgreSQL: one UPDATE … WHERE stock >= q per line in one transaction (./postgresStock.ts).
 * MongoDB: one findOneAndUpdate per product document: `{ stock: { $gte } }` for a plain product, or
 * `variants: { $all: [{ $elemMatch: { sku, stock: { $gte } } }] }` with filtered-positional `$inc`s on the SKUs
 * plus the product's total stock, so SKU and total move together in one atomic document update. If a later
 * product is short, the earlier ones are given back (compensation), so stock is never below zero and never lost.
 */
export async function holdStock(payload: Payload, input: StockLine[]): Promise<boolean> {
  const lines = sumLines(input)
  assertLines(lines)
  if (activeEngine() === 'mongodb') return mongoHold(payload, lines)
  if (onPostgres()) return pgHold(payload, lines)
  const q = sqliteParts(lines)
  if (!q.skus.length) {
    const result = await sqliteDb(payload).run(
      sql`UPDATE products SET stock = stock - (CASE id ${q.plainCases} END)
          WHERE id IN (${q.plainIds}) AND (SELECT COUNT(*) FROM products p WHERE ${q.plainEnough}) = ${q.plain.length}`,
    )
    const changed = result.rowsAffected ?? 0
    if (changed !== 0 && changed !== q.plain.length) throw new Error(`stock: partial hold (${changed}/${q.plain.length}); this must not happen`)
    return changed === q.plain.length
  }
  const gatePlain = q.plain.length ? sql` AND (SELECT COUNT(*) FROM products p WHERE ${q.plainEnough}) = ${q.plain.length}` : sql``
  const statements = [
    sql`UPDATE products_variants SET stock = stock - (CASE ${q.skuCases} END)
        WHERE (${q.skuRows}) AND (SELECT COUNT(*) FROM products_variants v WHERE ${q.skuEnough}) = ${q.skus.length}${gatePlain}`,
  ]
  // changes() is the row count of the previous statement on this connection (step 1), fixed for this whole UPDATE.
  if (q.plain.length)
    statements.push(sql`UPDATE products SET stock = stock - (CASE id ${q.plainCases} END) WHERE id IN (${q.plainIds}) AND changes() = ${q.skus.length}`)
  statements.push(sqliteResumParents(q.parents))
  const results = await sqliteBatch(payload, statements)
  const skuChanged = results[0].rowsAffected ?? 0
  const plainChanged = q.plain.length ? (results[1].rowsAffected ?? 0) : 0
  if (skuChanged === 0 && plainChanged === 0) return false
  if (skuChanged !== q.skus.length || plainChanged !== q.plain.length) {
    throw new Error(`stock: partial hold (${skuChanged}/${q.skus.length} SKUs, ${plainChanged}/${q.plain.length} products); this must not happen`)
  }
  return true
}

/** Gives units back (order cancelled, payment window expired, or a failed checkout compensating). */
export async function releaseStock(payload: Payload, input: StockLine[]): Promise<void> {
  const lines = sumLines(input)
  assertLines(lines)
  if (activeEngine() === 'mongodb') return mongoRelease(payload, lines)
  if (onPostgres()) {
    const returned = await pgTransaction(payload, (exec) => pgReleaseLines(exec, lines))
    if (returned !== lines.length) warnNotReturned(payload, lines, returned)
    return
  }
  const q = sqliteParts(lines)
  const statements: SQL[] = []
  if (q.skus.length) statements.push(sql`UPDATE products_variants SET stock = stock + (CASE ${q.skuCases} END) WHERE ${q.skuRows}`)
  // A plain line goes back to a product only while it has no variants (else it would break stock = Σ SKUs).
  if (q.plain.length)
    statements.push(sql`UPDATE products SET stock = stock + (CASE id ${q.plainCases} END) WHERE id IN (${q.plainIds}) AND ${q.noVariants('products')}`)
  if (q.skus.length) statements.push(sqliteResumParents(q.parents))
  const results = statements.length === 1 ? [await sqliteDb(payload).run(statements[0])] : await sqliteBatch(payload, statements)
  const returned = (q.skus.length ? (results[0].rowsAffected ?? 0) : 0) + (q.plain.length ? (results[q.skus.length ? 1 : 0].rowsAffected ?? 0) : 0)
  if (returned !== lines.length) warnNotReturned(payload, lines, returned)
}

/** PostgreSQL: every line locked and taken in one transaction (./postgresStock.ts), or none. */
async function pgHold(payload: Payload, lines: StockLine[]): Promise<boolean> {
  try {
    await pgTransaction(payload, (exec) => pgHoldLines(exec, lines))
    return true
  } catch (error) {
    if (error instanceof ShortStock) return false
    throw error
  }
}

function warnNotReturned(payload: Payload, lines: StockLine[], returned: number) {
  // The SKU was deleted or renamed, or variants were added/removed since the hold: nothing sensible to return to.
  payload.logger.warn({ msg: 'stock: some held units had nowhere to go back to', lines, returned })
}

type MongoLineFilter = Record<string, unknown>

/** The filter and $inc for one product document: its plain quantity, or its SKU lines. */
function mongoProductUpdate(product: string, group: StockLine[], sign: 1 | -1) {
  const filter: MongoLineFilter = { _id: product }
  const inc: Record<string, number> = {}
  const arrayFilters: Array<Record<string, string>> = []
  const plainQty = group.filter((l) => !l.variant).reduce((n, l) => n + l.quantity, 0)
  const skus = group.filter((l) => l.variant)
  if (plainQty) {
    filter['variants.0'] = { $exists: false }
    if (sign < 0) filter.stock = { $gte: plainQty }
  }
  if (skus.length) {
    filter.variants = { $all: skus.map((l) => ({ $elemMatch: sign < 0 ? { sku: l.variant, stock: { $gte: l.quantity } } : { sku: l.variant } })) }
    skus.forEach((l, i) => {
      inc[`variants.$[v${i}].stock`] = sign * l.quantity
      arrayFilters.push({ [`v${i}.sku`]: l.variant as string })
    })
  }
  inc.stock = sign * group.reduce((n, l) => n + l.quantity, 0)
  return { filter, update: { $inc: inc }, options: arrayFilters.length ? { arrayFilters } : {} }
}

const byProduct = (lines: StockLine[]) => {
  const groups = new Map<string, StockLine[]>()
  for (const l of lines) groups.set(l.product, [...(groups.get(l.product) ?? []), l])
  return groups
}

async function mongoHold(payload: Payload, lines: StockLine[]): Promise<boolean> {
  const model = mongoModel(payload, 'products')
  const taken: StockLine[] = []
  for (const [product, group] of byProduct(lines)) {
    const { filter, update, options } = mongoProductUpdate(product, group, -1)
    const doc = await model.findOneAndUpdate(filter, update, options)
    if (!doc) {
      if (taken.length) await mongoRelease(payload, taken)
      return false
    }
    taken.push(...group)
  }
  return true
}

async function mongoRelease(payload: Payload, lines: StockLine[]): Promise<void> {
  const model = mongoModel(payload, 'products')
  let returned = 0
  // One update per line (SKU: $elemMatch-ed element + filtered-positional $inc, with the product total), so a SKU
  // that vanished since the hold does not block the others.
  for (const line of lines) {
    const { filter, update, options } = mongoProductUpdate(line.product, [line], 1)
    const result = await model.updateOne(filter, update, options)
    returned += (result.matchedCount ?? result.modifiedCount ?? 0) > 0 ? 1 : 0
  }
  if (returned !== lines.length) warnNotReturned(payload, lines, returned)
}

/** Units currently available, read straight from the database (bypasses any cache). */
export async function readStock(payload: Payload, productId: string): Promise<number | null> {
  if (activeEngine() === 'mongodb') {
    const doc = await mongoDoc(payload, productId)
    return doc ? Number(doc.stock ?? 0) : null
  }
  if (!possibleIds([productId]).length) return null
  const result = await execute(payload, sql`SELECT stock FROM products WHERE id = ${productId}`)
  const row = result.rows[0] as { stock?: unknown } | undefined
  return row ? Number(row.stock) : null
}

/** Units of one SKU currently available, or null when the product has no such SKU. */
export async function readVariantStock(payload: Payload, productId: string, sku: string): Promise<number | null> {
  if (activeEngine() === 'mongodb') {
    const doc = await mongoDoc(payload, productId)
    const variant = (doc?.variants ?? []).find((v) => v.sku === sku)
    return variant ? Number(variant.stock ?? 0) : null
  }
  if (!possibleIds([productId]).length) return null
  const result = await execute(payload, sql`SELECT stock FROM products_variants WHERE _parent_id = ${productId} AND sku = ${sku}`)
  const row = result.rows[0] as { stock?: unknown } | undefined
  return row ? Number(row.stock) : null
}

type MongoProductDoc = { stock?: number; variants?: Array<{ sku?: string; stock?: number }> }
async function mongoDoc(payload: Payload, productId: string): Promise<MongoProductDoc | null> {
  const model = mongoModel(payload, 'products') as unknown as { findById: (id: string) => { lean: () => Promise<MongoProductDoc | null> } }
  return model.findById(productId).lean()
}
