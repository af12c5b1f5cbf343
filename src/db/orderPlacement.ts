// The push-day hot path in one atomic step: hold the stock AND write the order, its items, its first history row
// and its outbox messages, or do none of it. No Payload hooks, validation or relationship lookups run here: checkout
// has already validated and priced everything from the database (src/commerce/checkout.ts).
import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { outboxDocument, outboxInsertSql, type OutboxMessage } from './outbox'
import { pgHoldLines, ShortStock } from './postgresStock'
import { onPostgres, pgTransaction } from './relational'
import { sqliteBatch } from './sqlite'
import { holdStock, releaseStock, sqliteParts, sqliteResumParents, type StockLine, sumLines } from './stock'

type SQL = ReturnType<typeof sql>

export type PlacedOrderItem = { product: string; variant?: string; variantName?: string; title: string; unitPrice: number; quantity: number }

/** The order as checkout decided it; `id` is chosen by the caller so every row of the step can refer to it. */
export type OrderToPlace = {
  id: string
  number: string
  items: PlacedOrderItem[]
  subtotal: number
  discount: number
  total: number
  couponClaim?: string
  buyer?: { name?: string; phone?: string; address?: string }
  customer?: string
  reader?: string
  attribution?: { article?: string; block?: number; sharer?: string; visitor?: string }
  channel: string
  expiresAt: string
  accessTokenHash: string
  accessTokenEncrypted: string
  brand: string
  buyerKey?: string
}

/** `now` (real time) dates the outbox messages; the order's own times come from the database clock. */
export type Placement = { order: OrderToPlace; lines: StockLine[]; history: { reason: string; actor: string }; outbox: OutboxMessage[]; now?: number }

/** A new order id in the engine's own format (UUID on SQLite, ObjectId hex on MongoDB). */
export const newOrderId = () => (activeEngine() === 'mongodb' ? crypto.randomBytes(12).toString('hex') : crypto.randomUUID())

/**
 * Holds `lines` and writes the order; false (and nothing written) when any line is short.
 *
 * SQLite: one write transaction (a libsql batch, BEGIN IMMEDIATE … COMMIT on one connection, nothing interleaves):
 *   1. INSERT the order … SELECT … WHERE every line has enough stock (the gate, read before any update);
 *   2. the stock UPDATEs, each WHERE the order row exists — so they run exactly when step 1 wrote the order;
 *   3. items, the first history row and the outbox messages, each WHERE the order row exists.
 * PostgreSQL: one transaction — the per-line locked holds of ./postgresStock.ts first (a short line rolls it all
 *   back), then the order, items, history and outbox rows as plain INSERTs.
 * MongoDB: the atomic per-document hold of ./stock.ts, then the rows in one transaction; a failed write gives the
 * stock back (compensation), so stock is never lost.
 */
export async function placeOrder(payload: Payload, placement: Placement): Promise<boolean> {
  const lines = sumLines(placement.lines)
  if (activeEngine() === 'mongodb') return mongoPlace(payload, { ...placement, lines })
  if (onPostgres()) return postgresPlace(payload, { ...placement, lines })
  const now = placement.now ?? Date.now()
  const statements = sqlitePlacement({ ...placement, lines }, now)
  const results = await sqliteBatch(payload, statements)
  return (results[0].rowsAffected ?? 0) === 1
}

const itemId = () => crypto.randomBytes(12).toString('hex')

function sqlitePlacement({ order: o, lines, history, outbox }: Placement, now: number): SQL[] {
  const q = sqliteParts(lines)
  const gates: SQL[] = []
  if (q.plain.length) gates.push(sql`(SELECT COUNT(*) FROM products p WHERE ${q.plainEnough}) = ${q.plain.length}`)
  if (q.skus.length) gates.push(sql`(SELECT COUNT(*) FROM products_variants v WHERE ${q.skuEnough}) = ${q.skus.length}`)
  const placed = sql`EXISTS (SELECT 1 FROM orders WHERE id = ${o.id})`
  // created_at/updated_at come from the database clock (column defaults), like every other row's.
  const statements: SQL[] = [
    sql`INSERT INTO orders (id, number, status, subtotal, discount, total, coupon_claim_id, buyer_name, buyer_phone, buyer_address, customer_id, reader_id,
          attribution_article, attribution_block, attribution_sharer, attribution_visitor, channel, expires_at, access_token_hash, access_token_encrypted, brand_id, buyer_key)
        SELECT ${o.id}, ${o.number}, 'pending_payment', ${o.subtotal}, ${o.discount}, ${o.total}, ${o.couponClaim ?? null}, ${o.buyer?.name ?? null}, ${o.buyer?.phone ?? null},
          ${o.buyer?.address ?? null}, ${o.customer ?? null}, ${o.reader ?? null}, ${o.attribution?.article ?? null}, ${o.attribution?.block ?? null},
          ${o.attribution?.sharer ?? null}, ${o.attribution?.visitor ?? null}, ${o.channel}, ${o.expiresAt}, ${o.accessTokenHash}, ${o.accessTokenEncrypted}, ${o.brand}, ${o.buyerKey ?? null}
        WHERE ${sql.join(gates, sql` AND `)}`,
  ]
  if (q.skus.length) statements.push(sql`UPDATE products_variants SET stock = stock - (CASE ${q.skuCases} END) WHERE (${q.skuRows}) AND ${placed}`)
  if (q.plain.length) statements.push(sql`UPDATE products SET stock = stock - (CASE id ${q.plainCases} END) WHERE id IN (${q.plainIds}) AND ${placed}`)
  if (q.skus.length) statements.push(sqliteResumParents(q.parents))
  o.items.forEach((item, i) =>
    statements.push(
      sql`INSERT INTO orders_items (_order, _parent_id, id, product_id, variant, variant_name, title, unit_price, quantity)
          SELECT ${i + 1}, ${o.id}, ${itemId()}, ${item.product}, ${item.variant ?? null}, ${item.variantName ?? null}, ${item.title}, ${item.unitPrice}, ${item.quantity} WHERE ${placed}`,
    ),
  )
  statements.push(
    sql`INSERT INTO order_events (id, order_id, "from", "to", reason, actor, brand_id)
        SELECT ${crypto.randomUUID()}, ${o.id}, NULL, 'pending_payment', ${history.reason}, ${history.actor}, ${o.brand} WHERE ${placed}`,
  )
  for (const message of outbox) statements.push(outboxInsertSql(message, now, placed))
  return statements
}

async function postgresPlace(payload: Payload, { order: o, lines, history, outbox, now = Date.now() }: Placement): Promise<boolean> {
  try {
    await pgTransaction(payload, async (exec) => {
      await pgHoldLines(exec, lines)
      await exec(
        sql`INSERT INTO orders (id, number, status, subtotal, discount, total, coupon_claim_id, buyer_name, buyer_phone, buyer_address, customer_id, reader_id,
              attribution_article, attribution_block, attribution_sharer, attribution_visitor, channel, expires_at, access_token_hash, access_token_encrypted, brand_id, buyer_key)
            VALUES (${o.id}, ${o.number}, 'pending_payment', ${o.subtotal}, ${o.discount}, ${o.total}, ${o.couponClaim ?? null}, ${o.buyer?.name ?? null}, ${o.buyer?.phone ?? null},
              ${o.buyer?.address ?? null}, ${o.customer ?? null}, ${o.reader ?? null}, ${o.attribution?.article ?? null}, ${o.attribution?.block ?? null},
              ${o.attribution?.sharer ?? null}, ${o.attribution?.visitor ?? null}, ${o.channel}, ${o.expiresAt}, ${o.accessTokenHash}, ${o.accessTokenEncrypted}, ${o.brand}, ${o.buyerKey ?? null})`,
      )
      for (const [i, item] of o.items.entries()) {
        await exec(sql`INSERT INTO orders_items (_order, _parent_id, id, product_id, variant, variant_name, title, unit_price, quantity)
                       VALUES (${i + 1}, ${o.id}, ${itemId()}, ${item.product}, ${item.variant ?? null}, ${item.variantName ?? null}, ${item.title}, ${item.unitPrice}, ${item.quantity})`)
      }
      await exec(sql`INSERT INTO order_events (id, order_id, "from", "to", reason, actor, brand_id)
                     VALUES (${crypto.randomUUID()}, ${o.id}, NULL, 'pending_payment', ${history.reason}, ${history.actor}, ${o.brand})`)
      for (const message of outbox) await exec(outboxInsertSql(message, now))
    })
    return true
  } catch (error) {
    if (error instanceof ShortStock) return false
    throw error
  }
}

async function mongoPlace(payload: Payload, { order: o, lines, history, outbox, now = Date.now() }: Placement): Promise<boolean> {
  if (!(await holdStock(payload, lines))) return false
  const transactionID = await payload.db.beginTransaction()
  const req = { transactionID } as never
  try {
    const { id, ...data } = o
    await payload.db.create({
      collection: 'orders',
      data: { ...data, id, status: 'pending_payment', items: o.items.map((item) => ({ ...item, id: itemId() })) },
      req,
    })
    await payload.db.create({
      collection: 'order-events',
      data: { order: id, to: 'pending_payment', reason: history.reason, actor: history.actor, brand: o.brand },
      req,
    })
    for (const message of outbox) await payload.db.create({ collection: 'outbox', data: outboxDocument(message, now), req })
    if (transactionID) await payload.db.commitTransaction(transactionID)
    return true
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
    await releaseStock(payload, lines)
    throw error
  }
}
