// The checkout read model: what checkout needs of each product, read in one query per engine.
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { mongoModel } from './mongo'
import { execute, json, list, onPostgres, possibleIds } from './relational'

type MongoModel = { find: (q: object) => { lean: () => Promise<Array<Record<string, unknown>>> } }

/** What checkout needs of a product, read in one query (the hot path of a flash sale avoids the full Local API). */
export type CheckoutVariantRow = { sku: string; name: string; price: number | null; stock: number }
export type CheckoutProductRow = {
  id: string
  title: string
  price: number
  stock: number
  status: string
  brand: string
  variants: CheckoutVariantRow[]
  /** 每单限购 and the product's own payment window; null → the defaults (src/commerce/checkout.ts). */
  maxPerOrder: number | null
  paymentWindowMinutes: number | null
  /** 秒杀 (src/commerce/flashSale.ts): when checkout opens (ISO string; null → on sale now), and units per buyer (null → no limit). */
  saleStartsAt: string | null
  limitPerBuyer: number | null
}

const optionalNumber = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v))
/** A date column (SQLite: ISO text; MongoDB: Date) → ISO string, or null when empty or unreadable. */
const optionalDate = (v: unknown) => {
  if (v === null || v === undefined || v === '') return null
  const ms = v instanceof Date ? v.getTime() : Date.parse(String(v))
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}

const variantRow = (v: Record<string, unknown>): CheckoutVariantRow => ({
  sku: String(v.sku),
  name: String(v.name ?? v.sku),
  price: v.price === null || v.price === undefined ? null : Number(v.price),
  stock: Number(v.stock ?? 0),
})

export async function readCheckoutProducts(payload: Payload, ids: string[]): Promise<CheckoutProductRow[]> {
  if (!ids.length) return []
  if (activeEngine() === 'mongodb') {
    const model = mongoModel<MongoModel>(payload, 'products')
    const valid = ids.filter((id) => /^[0-9a-f]{24}$/i.test(id))
    if (!valid.length) return []
    const docs = await model.find({ _id: { $in: valid } }).lean()
    return docs.map((d) => ({
      id: String(d._id),
      title: String(d.title),
      price: Number(d.price),
      stock: Number(d.stock ?? 0),
      status: String(d.status),
      brand: String(d.brand),
      variants: (Array.isArray(d.variants) ? (d.variants as Array<Record<string, unknown>>) : []).map(variantRow),
      maxPerOrder: optionalNumber(d.maxPerOrder),
      paymentWindowMinutes: optionalNumber(d.paymentWindowMinutes),
      saleStartsAt: optionalDate(d.saleStartsAt),
      limitPerBuyer: optionalNumber(d.limitPerBuyer),
    }))
  }
  // The variants as one JSON array per product, in their order: json_group_array on SQLite, json_agg on PostgreSQL.
  const variants = onPostgres()
    ? sql`(SELECT COALESCE(json_agg(json_build_object('sku', v.sku, 'name', v.name, 'price', v.price, 'stock', v.stock) ORDER BY v._order), '[]'::json)
             FROM products_variants v WHERE v._parent_id = products.id)`
    : sql`(SELECT json_group_array(json_object('sku', v.sku, 'name', v.name, 'price', v.price, 'stock', v.stock))
             FROM (SELECT * FROM products_variants WHERE _parent_id = products.id ORDER BY _order) v)`
  const known = possibleIds(ids)
  if (!known.length) return []
  const result = await execute(
    payload,
    sql`SELECT id, title, price, stock, status, brand_id, max_per_order, payment_window_minutes, sale_starts_at, limit_per_buyer, ${variants} AS variants
        FROM products WHERE id IN (${list(known)})`,
  )
  return result.rows.map((r) => {
    return {
      id: String(r.id),
      title: String(r.title),
      price: Number(r.price),
      stock: Number(r.stock),
      status: String(r.status),
      brand: String(r.brand_id),
      variants: json<Array<Record<string, unknown>>>(r.variants, []).map(variantRow),
      maxPerOrder: optionalNumber(r.max_per_order),
      paymentWindowMinutes: optionalNumber(r.payment_window_minutes),
      saleStartsAt: optionalDate(r.sale_starts_at),
      limitPerBuyer: optionalNumber(r.limit_per_buyer),
    }
  })
}
