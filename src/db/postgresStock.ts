// Stock holds on PostgreSQL. Its transactions interleave (READ COMMITTED), so the SQLite gate (one statement that
// reads every line, then the updates) would let two checkouts both pass it. Here each line is its own
// `UPDATE … SET stock = stock − q WHERE … AND stock >= q`: the row lock makes a concurrent hold wait, then re-check
// the condition on the row as the other one left it, so the last unit has exactly one taker. A line that is short
// rolls the whole transaction back. Lines are locked in one order (product, then SKU) so two multi-line holds
// cannot deadlock each other.
import { sql } from '@payloadcms/db-sqlite/drizzle'

import type { Result, SQL } from './relational'
import type { StockLine } from './stock'

type Exec = (query: SQL) => Promise<Result>

/** Thrown inside the transaction when a line is short: the caller catches it after the rollback. */
export class ShortStock extends Error {}

const inLockOrder = (lines: StockLine[]) =>
  [...lines].sort((a, b) => (a.product === b.product ? (a.variant ?? '').localeCompare(b.variant ?? '') : a.product.localeCompare(b.product)))

const withoutVariants = sql`NOT EXISTS (SELECT 1 FROM products_variants pv WHERE pv._parent_id = products.id)`

/** products.stock of products with variants is the sum of their SKUs' stock. */
const resumParents = (exec: Exec, parents: string[]) =>
  Promise.all(
    [...new Set(parents)]
      .sort()
      .map((id) =>
        exec(sql`UPDATE products SET stock = (SELECT COALESCE(SUM(v.stock), 0) FROM products_variants v WHERE v._parent_id = products.id) WHERE id = ${id}`),
      ),
  )

/** Takes every line inside the caller's transaction, or throws ShortStock (and the caller's transaction rolls back). */
export async function pgHoldLines(exec: Exec, lines: StockLine[]): Promise<void> {
  for (const line of inLockOrder(lines)) {
    const result = line.variant
      ? await exec(
          sql`UPDATE products_variants SET stock = stock - ${line.quantity} WHERE _parent_id = ${line.product} AND sku = ${line.variant} AND stock >= ${line.quantity}`,
        )
      : await exec(sql`UPDATE products SET stock = stock - ${line.quantity} WHERE id = ${line.product} AND stock >= ${line.quantity} AND ${withoutVariants}`)
    if (result.rowsAffected !== 1) throw new ShortStock()
  }
  await resumParents(
    exec,
    lines.filter((l) => l.variant).map((l) => l.product),
  )
}

/** Gives every line back inside the caller's transaction; returns how many lines found their row. */
export async function pgReleaseLines(exec: Exec, lines: StockLine[]): Promise<number> {
  let returned = 0
  for (const line of inLockOrder(lines)) {
    const result = line.variant
      ? await exec(sql`UPDATE products_variants SET stock = stock + ${line.quantity} WHERE _parent_id = ${line.product} AND sku = ${line.variant}`)
      : await exec(sql`UPDATE products SET stock = stock + ${line.quantity} WHERE id = ${line.product} AND ${withoutVariants}`)
    returned += result.rowsAffected
  }
  await resumParents(
    exec,
    lines.filter((l) => l.variant).map((l) => l.product),
  )
  return returned
}
