// The funnel's engine primitives: raw events and the rollups that count them written in ONE transaction; the
// report's sums (GROUP BY in the database, never rows in Node); the rebuild's and the retention job's deletes.
import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { ARTICLE_WIDE_BLOCK, derivedKey, type FunnelRow, NO_BLOCK, planRollups, planWithDerived, type RollupGrain } from '@/analytics/rollup'

import { activeEngine } from './engine'
import { timeOrderedPrefix } from './ids'
import { mongoModel as mongoCollection, mongoSession } from './mongo'
import { batch, execute, greatest, json, list, onPostgres, pgTransaction, type SQL, timeOrderedIdSql } from './relational'
import { type RawStatement, sqliteBatch } from './sqlite'

// ---- writing -------------------------------------------------------------------------------------------------

/**
 * Writes raw events and applies their rollup plans (src/analytics/rollup.ts), all or nothing. An event whose
 * dedupeKey was recorded before is skipped with its increments. Returns how many events were new.
 * `raw: false` (the rebuild) applies the plans of events already stored.
 */
export async function writeFunnelEvents(payload: Payload, rows: FunnelRow[], options: { raw?: boolean } = {}): Promise<number> {
  if (!rows.length) return 0
  const raw = options.raw ?? true
  if (activeEngine() === 'mongodb') return mongoWrite(payload, rows, raw)
  if (onPostgres()) return postgresWrite(payload, rows, raw)
  return sqliteWrite(payload, rows, raw)
}

// ONE transaction per call, a few statements for any number of events. The increments are staged (SQLite: a
// temporary table; PostgreSQL: a JSON parameter unnested by jsonb_to_recordset) and applied by set-based statements:
// each row's visitor mark is read once, an event's rank among the batch's events of the same mark decides whether it
// is still under the cap, and every rollup row and mark is upserted once. Per-event statements managed ~800
// events/s; this is the beacon's hot path.
const STAGE_COLUMNS = ['seq', 'event_id', 'gated', 'key', 'day', 'count', 'amount', 'units', 'visitors', 'mark', 'cap', 'bump'] as const
const DIMS_COLUMNS = ['key', 'grain', 'brand', 'day', 'bucket', 'article', 'block', 'product', 'type', 'channel'] as const
const STAGE_TABLES = [
  sql`CREATE TEMP TABLE IF NOT EXISTS funnel_stage (seq INTEGER, event_id TEXT, gated INTEGER, key TEXT, day TEXT, count INTEGER, amount INTEGER, units INTEGER,
    visitors TEXT, mark TEXT, cap INTEGER, bump INTEGER)`,
  sql`CREATE TEMP TABLE IF NOT EXISTS funnel_dims (key TEXT PRIMARY KEY, grain TEXT, brand TEXT, day TEXT, bucket TEXT, article TEXT, block INTEGER, product TEXT, type TEXT, channel TEXT)`,
]
const CLEAR_STAGE = [sql`DELETE FROM temp.funnel_stage`, sql`DELETE FROM temp.funnel_dims`]
const RAW_CHUNK = 200
const STAGE_CHUNK = 600
// A type of a paid or refunded order's lines (`paid_item`): LIKE with an escape reads the same in both dialects.
const NOT_ITEM_TYPE = sql`type NOT LIKE '%!_item' ESCAPE '!'`
const NO_BLOCK_SQL = sql.raw(String(NO_BLOCK))
const ARTICLE_WIDE_BLOCK_SQL = sql.raw(String(ARTICLE_WIDE_BLOCK))
/** The staged increments whose event was written (a repeated dedupeKey wrote no raw row). */
const stagedFrom = (stage: SQL) => sql`staged AS (SELECT * FROM ${stage} s WHERE s.gated = 0 OR EXISTS (SELECT 1 FROM funnel_events e WHERE e.id = s.event_id))`

/**
 * The rollup upsert, after the caller's `staged` CTE: `dims` holds each row key's dimensions, `marks` (key, n) each
 * visitor mark's count before this batch. Rows are upserted in key order, so two concurrent PostgreSQL batches lock
 * the rows they share in the same order (no deadlock).
 */
const upsertRollups = (dims: SQL, marks: SQL, id: SQL) => sql`
      ranks AS (SELECT seq, mark, ROW_NUMBER() OVER (PARTITION BY mark ORDER BY seq) AS r FROM staged WHERE bump = 1),
      x AS (SELECT staged.*, COALESCE(m.n, 0) AS n, ranks.r AS r FROM staged
            LEFT JOIN ranks ON ranks.seq = staged.seq AND ranks.mark = staged.mark
            LEFT JOIN ${marks} m ON m.key = staged.mark),
      per AS (SELECT key, SUM(CASE WHEN mark IS NULL OR cap IS NULL THEN count WHEN n + r <= cap THEN count ELSE 0 END) AS c,
                     SUM(CASE WHEN visitors = 'mark' AND n = 0 AND r = 1 THEN 1 WHEN visitors = 'event' THEN 1 ELSE 0 END) AS v,
                     SUM(amount) AS amount, SUM(units) AS units
              FROM x GROUP BY key),
      counted AS (SELECT d.*, per.c, per.v, per.amount, per.units FROM per JOIN ${dims} d ON d.key = per.key),
      -- The rows derived from day rows, keyed as derivedKey (src/analytics/rollup.ts) keys them: the month's, and the
      -- brand's daily total of each step's main row.
      every AS (SELECT key, grain, brand, day, bucket, article, block, product, type, channel, c, v, amount, units FROM counted
        UNION ALL SELECT 'month|' || brand || '|' || substr(day, 1, 7) || '|' || article || '|' || block || '|' || product || '|' || type,
                         'month', brand, substr(day, 1, 7) || '-01', substr(day, 1, 7), article, block, product, type, '', c, v, amount, units
                  FROM counted WHERE grain = 'day'
        UNION ALL SELECT 'total|' || brand || '|' || day || '||' || ${NO_BLOCK_SQL} || '||' || type, 'total', brand, day, day, '', ${NO_BLOCK_SQL}, '', type, '', c, 0, amount, units
                  FROM counted WHERE grain = 'day' AND block <> ${ARTICLE_WIDE_BLOCK_SQL} AND ${NOT_ITEM_TYPE})
    INSERT INTO funnel_rollups (id, key, grain, brand, day, bucket, article, block, product, type, channel, count, visitors, amount, units)
    SELECT ${id}, key, grain, brand, day, bucket, article, block, product, type, channel, SUM(c), SUM(v), SUM(amount), SUM(units)
    FROM every WHERE true GROUP BY key, grain, brand, day, bucket, article, block, product, type, channel ORDER BY key
    ON CONFLICT(key) DO UPDATE SET count = funnel_rollups.count + excluded.count, visitors = funnel_rollups.visitors + excluded.visitors,
      amount = funnel_rollups.amount + excluded.amount, units = funnel_rollups.units + excluded.units`

/** Multi-row INSERTs of plain arguments (building drizzle SQL objects for thousands of values cost more than the database work). */
function insertRows(table: string, columns: readonly string[], rows: unknown[][], chunk: number, onConflict = ''): RawStatement[] {
  const placeholders = `(${columns.map(() => '?').join(', ')})`
  const out: RawStatement[] = []
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk)
    out.push({ sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => placeholders).join(', ')} ${onConflict}`, args: part.flat() })
  }
  return out
}

/** Each increment with its row's key, and the dimensions of each row once (a batch touches far fewer rows than it has increments). */
function stageRows(rows: FunnelRow[], raw: boolean): { staged: unknown[][]; dims: unknown[][] } {
  const staged: unknown[][] = []
  const dims = new Map<string, unknown[]>()
  rows.forEach((row, seq) => {
    const gated = raw && row.dedupeKey ? 1 : 0
    for (const d of planRollups(row)) {
      staged.push([seq, gated ? row.id : null, gated, d.key, d.day, d.count, d.amount, d.units, d.visitors, d.mark ?? null, d.cap ?? null, d.bump ? 1 : 0])
      if (!dims.has(d.key)) dims.set(d.key, [d.key, d.grain, d.brand, d.day, d.bucket, d.article, d.block, d.product, d.type, d.channel])
    }
  })
  return { staged, dims: [...dims.values()] }
}

async function sqliteWrite(payload: Payload, rows: FunnelRow[], raw: boolean): Promise<number> {
  const id = timeOrderedIdSql(timeOrderedPrefix())
  const statements: (SQL | RawStatement)[] = [...STAGE_TABLES, ...CLEAR_STAGE]
  const rawAt: number[] = []
  if (raw)
    for (const insert of insertRows(
      'funnel_events',
      RAW_COLUMNS,
      rows.map((r) => rawValues(r)),
      RAW_CHUNK,
      'ON CONFLICT(dedupe_key) DO NOTHING',
    ))
      rawAt.push(statements.push(insert) - 1)
  const { staged, dims } = stageRows(rows, raw)
  statements.push(...insertRows('temp.funnel_stage', STAGE_COLUMNS, staged, STAGE_CHUNK), ...insertRows('temp.funnel_dims', DIMS_COLUMNS, dims, STAGE_CHUNK))
  // n: the mark's count before the batch, read before the marks are upserted (the batch is one write transaction:
  // nothing interleaves).
  statements.push(sql`WITH ${stagedFrom(sql`temp.funnel_stage`)}, ${upsertRollups(sql`temp.funnel_dims`, sql`funnel_marks`, id)}`)
  statements.push(sql`WITH ${stagedFrom(sql`temp.funnel_stage`)}
    INSERT INTO funnel_marks (id, key, day, n) SELECT ${id}, mark, MIN(day), COUNT(*) FROM staged WHERE bump = 1 GROUP BY mark
    ON CONFLICT(key) DO UPDATE SET n = funnel_marks.n + excluded.n`)
  statements.push(...CLEAR_STAGE)
  const results = await sqliteBatch(payload, statements)
  if (!raw) return rows.length
  return rawAt.reduce((n, at) => n + (results[at].rowsAffected ?? 0), 0)
}

/** Rows as a JSON array of objects, for jsonb_to_recordset (one parameter, however many rows). */
const jsonRecords = (columns: readonly string[], rows: unknown[][]) =>
  JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.replaceAll('"', ''), row[i]]))))

/**
 * PostgreSQL: one transaction of two statements. Its transactions interleave (READ COMMITTED), so the marks are
 * upserted FIRST, in key order, and their count before this batch is read back from the upsert (the new n less the
 * batch's own): a concurrent batch bumping the same mark waits for the row lock and then counts on from our n, so
 * caps and unique visitors come out as if the batches ran one after the other. Ids are UUIDs (the columns' type).
 */
async function postgresWrite(payload: Payload, rows: FunnelRow[], raw: boolean): Promise<number> {
  const id = timeOrderedIdSql(timeOrderedPrefix())
  const { staged, dims } = stageRows(rows, raw)
  return pgTransaction(payload, async (exec) => {
    let written = rows.length
    if (raw) {
      const events = sql`jsonb_to_recordset(${jsonRecords(
        RAW_COLUMNS,
        rows.map((r) => rawValues(r, 'json')),
      )}::jsonb)
        AS r(id uuid, type enum_funnel_events_type, brand_id uuid, article varchar, block numeric, product varchar, channel enum_funnel_events_channel, sharer varchar,
             visitor varchar, "order" varchar, amount numeric, items jsonb, occurred_at timestamptz, day varchar, dedupe_key varchar)`
      const result = await exec(sql`INSERT INTO funnel_events (${sql.raw(RAW_COLUMNS.join(', '))}) SELECT ${sql.raw(RAW_COLUMNS.join(', '))} FROM ${events}
        ORDER BY dedupe_key, id ON CONFLICT (dedupe_key) DO NOTHING`)
      written = result.rowsAffected
    }
    const stage = sql`jsonb_to_recordset(${jsonRecords(STAGE_COLUMNS, staged)}::jsonb)
      AS s(seq integer, event_id uuid, gated integer, key varchar, day varchar, count integer, amount bigint, units integer, visitors varchar, mark varchar, cap integer, bump integer)`
    const dimsRows = sql`jsonb_to_recordset(${jsonRecords(DIMS_COLUMNS, dims)}::jsonb)
      AS d(key varchar, grain varchar, brand varchar, day varchar, bucket varchar, article varchar, block integer, product varchar, type varchar, channel varchar)`
    await exec(sql`WITH stage AS (SELECT * FROM ${stage}), dims AS (SELECT * FROM ${dimsRows}), ${stagedFrom(sql`stage`)},
      bumps AS (SELECT mark, MIN(day) AS day, COUNT(*) AS c FROM staged WHERE bump = 1 GROUP BY mark),
      marked AS (INSERT INTO funnel_marks (id, key, day, n) SELECT ${id}, mark, day, c FROM bumps ORDER BY mark
                 ON CONFLICT (key) DO UPDATE SET n = funnel_marks.n + excluded.n RETURNING key, n),
      before AS (SELECT marked.key, marked.n - bumps.c AS n FROM marked JOIN bumps ON bumps.mark = marked.key),
      ${upsertRollups(sql`dims`, sql`before`, id)}`)
    return written
  })
}

const RAW_COLUMNS = [
  'id',
  'type',
  'brand_id',
  'article',
  'block',
  'product',
  'channel',
  'sharer',
  'visitor',
  '"order"',
  'amount',
  'items',
  'occurred_at',
  'day',
  'dedupe_key',
] as const

/** A raw event's column values; `items` as JSON text (SQLite's column) or as the value (PostgreSQL's jsonb, in a JSON parameter). */
const rawValues = (r: FunnelRow, items: 'text' | 'json' = 'text'): unknown[] => [
  r.id,
  r.type,
  r.brand,
  r.article ?? null,
  r.block ?? null,
  r.product ?? null,
  r.channel ?? null,
  r.sharer ?? null,
  r.visitor ?? null,
  r.order ?? null,
  r.amount ?? null,
  r.items ? (items === 'text' ? JSON.stringify(r.items) : r.items) : null,
  r.occurredAt,
  r.day,
  r.dedupeKey ?? null,
]

type MongoModel = {
  insertMany: (docs: object[], options?: object) => Promise<unknown>
  findOneAndUpdate: (filter: object, update: object, options?: object) => Promise<{ n?: number } | null>
  updateOne: (filter: object, update: object, options?: object) => Promise<unknown>
  deleteMany: (filter: object, options?: object) => Promise<{ deletedCount?: number }>
  aggregate: (pipeline: object[]) => { exec: () => Promise<Record<string, unknown>[]> } & PromiseLike<Record<string, unknown>[]>
  find: (filter: object, projection?: object) => { sort: (s: object) => { limit: (n: number) => { lean: () => Promise<Record<string, unknown>[]> } } }
}
const mongoModel = (payload: Payload, slug: string) => mongoCollection<MongoModel>(payload, slug)

/** MongoDB: one transaction; the marks' previous value (returned by $inc) decides count and visitors. */
async function mongoWrite(payload: Payload, rows: FunnelRow[], raw: boolean): Promise<number> {
  const transactionID = await payload.db.beginTransaction()
  const session = mongoSession(payload, transactionID)
  const events = mongoModel(payload, 'funnel-events')
  const rollups = mongoModel(payload, 'funnel-rollups')
  const marks = mongoModel(payload, 'funnel-marks')
  let written = 0
  try {
    for (const row of rows) {
      if (raw) {
        const { id: _id, ...doc } = row
        try {
          await events.insertMany([{ ...doc, occurredAt: new Date(row.occurredAt) }], { session })
        } catch (error) {
          if ((error as { code?: number }).code === 11000) continue // the dedupeKey was recorded before
          throw error
        }
      }
      written++
      const seen = new Map<string, number>()
      for (const d of planWithDerived(row)) {
        let n = 0
        if (d.mark) {
          if (!seen.has(d.mark))
            seen.set(
              d.mark,
              ((await marks.findOneAndUpdate({ key: d.mark }, { $setOnInsert: { day: d.day, n: 0 } }, { upsert: true, new: true, session })) ?? {}).n ?? 0,
            )
          n = seen.get(d.mark)!
        }
        const count = d.cap && n >= d.cap ? 0 : d.count
        const visitors = d.visitors === 'mark' ? (n === 0 ? 1 : 0) : d.visitors === 'event' ? 1 : 0
        const { key, count: _c, amount, units, visitors: _v, mark: _m, cap: _cap, bump: _b, ...dims } = d
        await rollups.updateOne({ key }, { $setOnInsert: dims, $inc: { count, visitors, amount, units } }, { upsert: true, session })
        if (d.bump && d.mark) await marks.updateOne({ key: d.mark }, { $inc: { n: 1 } }, { session })
      }
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
    return written
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
    throw error
  }
}

// ---- reading -------------------------------------------------------------------------------------------------

export type RollupDimension = 'day' | 'bucket' | 'article' | 'block' | 'product' | 'type' | 'channel'
export type RollupSum = {
  day?: string
  bucket?: string
  article?: string
  block?: number
  product?: string
  channel?: string
  type: string
  count: number
  visitors: number
  amount: number
  units: number
}
export type RollupSpan = { grain: RollupGrain; fromDay: string; toDay: string }
export type RollupQuery = {
  /** The rows read: a grain over a range of days (month rows are dated by their first day). */
  spans: RollupSpan[]
  /** null: every brand (admins). */
  brands: string[] | null
  by: RollupDimension[]
  article?: string
  types?: string[]
  blocks?: { min?: number; max?: number }
}

/** Sums of rollup rows grouped by `by` (always also by type): as many rows as groups, whatever the traffic. */
export async function sumRollups(payload: Payload, q: RollupQuery): Promise<RollupSum[]> {
  const by = [...new Set<RollupDimension>([...q.by, 'type'])]
  if (!q.spans.length) return []
  if (activeEngine() === 'mongodb') return mongoSum(payload, q, by)
  const column = (d: RollupDimension) => sql.raw(d)
  const spans = q.spans.map((span) => sql`(grain = ${span.grain} AND day >= ${span.fromDay} AND day <= ${span.toDay})`)
  const where: SQL[] = [sql`(${sql.join(spans, sql` OR `)})`]
  if (q.brands) where.push(q.brands.length ? sql`brand IN (${list(q.brands)})` : sql`false`)
  if (q.article !== undefined) where.push(sql`article = ${q.article}`)
  if (q.types) where.push(q.types.length ? sql`type IN (${list(q.types)})` : sql`false`)
  if (q.blocks?.min !== undefined) where.push(sql`block >= ${q.blocks.min}`)
  if (q.blocks?.max !== undefined) where.push(sql`block <= ${q.blocks.max}`)
  const cols = sql.join(by.map(column), sql`, `)
  const result = await execute(
    payload,
    sql`SELECT ${cols}, SUM(count) AS count, SUM(visitors) AS visitors, SUM(amount) AS amount, SUM(units) AS units
        FROM funnel_rollups WHERE ${sql.join(where, sql` AND `)} GROUP BY ${cols}`,
  )
  return result.rows.map((r) => normaliseSum(r, by))
}

function normaliseSum(r: Record<string, unknown>, by: RollupDimension[]): RollupSum {
  const out: Record<string, unknown> = {
    type: String(r.type),
    count: Number(r.count ?? 0),
    visitors: Number(r.visitors ?? 0),
    amount: Number(r.amount ?? 0),
    units: Number(r.units ?? 0),
  }
  for (const d of by) if (d !== 'type') out[d] = d === 'block' ? Number(r[d]) : String(r[d] ?? '')
  return out as RollupSum
}

async function mongoSum(payload: Payload, q: RollupQuery, by: RollupDimension[]): Promise<RollupSum[]> {
  const match: Record<string, unknown> = { $or: q.spans.map((span) => ({ grain: span.grain, day: { $gte: span.fromDay, $lte: span.toDay } })) }
  if (q.brands) match.brand = { $in: q.brands }
  if (q.article !== undefined) match.article = q.article
  if (q.types) match.type = { $in: q.types }
  if (q.blocks) match.block = { ...(q.blocks.min !== undefined ? { $gte: q.blocks.min } : {}), ...(q.blocks.max !== undefined ? { $lte: q.blocks.max } : {}) }
  const rows = await mongoModel(payload, 'funnel-rollups').aggregate([
    { $match: match },
    {
      $group: {
        _id: Object.fromEntries(by.map((d) => [d, `$${d}`])),
        count: { $sum: '$count' },
        visitors: { $sum: '$visitors' },
        amount: { $sum: '$amount' },
        units: { $sum: '$units' },
      },
    },
  ])
  return rows.map((r) => normaliseSum({ ...(r._id as object), ...r }, by))
}

// ---- rebuild and retention -------------------------------------------------------------------------------------

/** Deletes the rollups and marks of `fromDay` and later (the days a rebuild recounts). */
export async function deleteRollupsFrom(payload: Payload, fromDay: string): Promise<void> {
  if (activeEngine() === 'mongodb') {
    await mongoModel(payload, 'funnel-rollups').deleteMany({ day: { $gte: fromDay }, grain: { $ne: 'meta' } })
    await mongoModel(payload, 'funnel-marks').deleteMany({ day: { $gte: fromDay } })
    return
  }
  await batch(payload, [sql`DELETE FROM funnel_rollups WHERE day >= ${fromDay} AND grain <> 'meta'`, sql`DELETE FROM funnel_marks WHERE day >= ${fromDay}`])
}

/**
 * Recomputes the month rows of `fromMonth` (YYYY-MM) on and the brand's daily totals from `fromDay` on, from the
 * day rows (which keep days whose raw events are gone): after a rebuild replayed the raw events.
 */
export async function rederiveRollups(payload: Payload, fromDay: string): Promise<void> {
  const monthStart = `${fromDay.slice(0, 7)}-01`
  if (activeEngine() === 'mongodb') {
    const rollups = mongoModel(payload, 'funnel-rollups')
    await rollups.deleteMany({
      $or: [
        { grain: 'month', day: { $gte: monthStart } },
        { grain: 'total', day: { $gte: fromDay } },
      ],
    })
    const rows = await rollups.aggregate([
      { $match: { grain: 'day', day: { $gte: monthStart } } },
      {
        $group: {
          _id: { brand: '$brand', month: { $substr: ['$day', 0, 7] }, article: '$article', block: '$block', product: '$product', type: '$type' },
          count: { $sum: '$count' },
          visitors: { $sum: '$visitors' },
          amount: { $sum: '$amount' },
          units: { $sum: '$units' },
        },
      },
    ])
    for (const r of rows) {
      const id = r._id as { brand: string; month: string; article: string; block: number; product: string; type: string }
      const dims = {
        grain: 'month' as const,
        brand: id.brand,
        bucket: id.month,
        day: `${id.month}-01`,
        article: id.article,
        block: id.block,
        product: id.product,
        type: id.type,
        channel: '',
      }
      await rollups.updateOne(
        { key: derivedKey(dims) },
        { $set: { ...dims, count: r.count, visitors: r.visitors, amount: r.amount, units: r.units } },
        { upsert: true },
      )
    }
    const totals = await rollups.aggregate([
      { $match: { grain: 'day', day: { $gte: fromDay }, block: { $ne: ARTICLE_WIDE_BLOCK }, type: { $not: /_item$/ } } },
      { $group: { _id: { brand: '$brand', day: '$day', type: '$type' }, count: { $sum: '$count' }, amount: { $sum: '$amount' }, units: { $sum: '$units' } } },
    ])
    for (const r of totals) {
      const id = r._id as { brand: string; day: string; type: string }
      const dims = {
        grain: 'total' as const,
        brand: id.brand,
        bucket: id.day,
        day: id.day,
        article: '',
        block: NO_BLOCK,
        product: '',
        type: id.type,
        channel: '',
      }
      await rollups.updateOne({ key: derivedKey(dims) }, { $set: { ...dims, count: r.count, visitors: 0, amount: r.amount, units: r.units } }, { upsert: true })
    }
    return
  }
  // The keys as derivedKey (src/analytics/rollup.ts) writes them: grain|brand|bucket|article|block|product|type.
  const id = timeOrderedIdSql(timeOrderedPrefix())
  await batch(payload, [
    sql`DELETE FROM funnel_rollups WHERE (grain = 'month' AND day >= ${monthStart}) OR (grain = 'total' AND day >= ${fromDay})`,
    sql`INSERT INTO funnel_rollups (id, key, grain, brand, day, bucket, article, block, product, type, channel, count, visitors, amount, units)
        SELECT ${id}, 'month|' || brand || '|' || substr(day, 1, 7) || '|' || article || '|' || CAST(block AS INTEGER) || '|' || product || '|' || type,
               'month', brand, substr(day, 1, 7) || '-01', substr(day, 1, 7), article, block, product, type, '', SUM(count), SUM(visitors), SUM(amount), SUM(units)
        FROM funnel_rollups WHERE grain = 'day' AND day >= ${monthStart} GROUP BY brand, substr(day, 1, 7), article, block, product, type`,
    sql`INSERT INTO funnel_rollups (id, key, grain, brand, day, bucket, article, block, product, type, channel, count, visitors, amount, units)
        SELECT ${id}, 'total|' || brand || '|' || day || '||' || ${NO_BLOCK_SQL} || '||' || type,
               'total', brand, day, day, '', ${NO_BLOCK_SQL}, '', type, '', SUM(count), 0, SUM(amount), SUM(units)
        FROM funnel_rollups WHERE grain = 'day' AND day >= ${fromDay} AND block <> ${ARTICLE_WIDE_BLOCK_SQL} AND ${NOT_ITEM_TYPE} GROUP BY brand, day, type`,
  ])
}

/** Up to `limit` raw events after the cursor (day, id), oldest first: the rebuild reads in pages. */
export async function readFunnelEvents(
  payload: Payload,
  after: { day: string; id: string } | null,
  limit: number,
  options: { fromDay?: string } = {},
): Promise<FunnelRow[]> {
  if (activeEngine() === 'mongodb') {
    const filter = after ? { $or: [{ day: { $gt: after.day } }, { day: after.day, _id: { $gt: after.id } }] } : {}
    if (options.fromDay) Object.assign(filter, { day: { $gte: options.fromDay } })
    const docs = await mongoModel(payload, 'funnel-events').find(filter).sort({ day: 1, _id: 1 }).limit(limit).lean()
    return docs.map(
      (d) =>
        ({ ...(d as object), id: String(d._id), brand: String(d.brand), occurredAt: new Date(d.occurredAt as string).toISOString() }) as unknown as FunnelRow,
    )
  }
  const conditions = [
    // An empty id (the rebuild's first page) is before every id; PostgreSQL's uuid column would refuse '' itself.
    after ? sql`(day > ${after.day} OR (day = ${after.day} AND ${after.id ? sql`id > ${after.id}` : sql`true`}))` : sql`true`,
    options.fromDay ? sql`day >= ${options.fromDay}` : sql`true`,
  ]
  const cursor = sql`WHERE ${sql.join(conditions, sql` AND `)}`
  const result = await execute(
    payload,
    sql`SELECT id, type, brand_id AS brand, article, block, product, channel, sharer, visitor, "order", amount, items, occurred_at AS "occurredAt", day, dedupe_key AS "dedupeKey"
        FROM funnel_events ${cursor} ORDER BY day, id LIMIT ${limit}`,
  )
  return result.rows.map((row) => {
    const clean = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined))
    return {
      ...clean,
      // PostgreSQL: a timestamptz arrives as a Date, jsonb parsed; SQLite: both as text.
      occurredAt: row.occurredAt instanceof Date ? row.occurredAt.toISOString() : String(row.occurredAt),
      ...(row.items !== null && row.items !== undefined ? { items: json(row.items, []) } : {}),
      ...(row.block !== null && row.block !== undefined ? { block: Number(row.block) } : {}),
      ...(row.amount !== null && row.amount !== undefined ? { amount: Number(row.amount) } : {}),
    } as FunnelRow
  })
}

/** The oldest day that still has raw events, or null. */
export async function oldestFunnelDay(payload: Payload): Promise<string | null> {
  if (activeEngine() === 'mongodb') {
    const [doc] = await mongoModel(payload, 'funnel-events').find({}, { day: 1 }).sort({ day: 1 }).limit(1).lean()
    return (doc?.day as string) ?? null
  }
  const result = await execute(payload, sql`SELECT MIN(day) AS day FROM funnel_events`)
  return (result.rows[0]?.day as string | null | undefined) ?? null
}

const PRUNED_KEY = 'meta|pruned-before'

/**
 * Records that raw events before `day` may be gone (only ever moves forward). A rebuild never recounts those days,
 * whatever the retention setting is now: their rollups are all that is left of them.
 */
export async function markPrunedBefore(payload: Payload, day: string): Promise<void> {
  if (activeEngine() === 'mongodb') {
    await mongoModel(payload, 'funnel-rollups').updateOne(
      { key: PRUNED_KEY },
      { $max: { day }, $setOnInsert: { grain: 'meta', brand: '', bucket: '', type: 'meta' } },
      { upsert: true },
    )
    return
  }
  await execute(
    payload,
    sql`INSERT INTO funnel_rollups (id, key, grain, brand, day, bucket, type) VALUES (${crypto.randomUUID()}, ${PRUNED_KEY}, 'meta', '', ${day}, '', 'meta')
    ON CONFLICT(key) DO UPDATE SET day = ${greatest(sql`funnel_rollups.day`, sql`excluded.day`)}`,
  )
}

/** The day before which raw events may have been pruned, or null. */
export async function prunedBefore(payload: Payload): Promise<string | null> {
  if (activeEngine() === 'mongodb') {
    const [doc] = await mongoModel(payload, 'funnel-rollups').find({ key: PRUNED_KEY }, { day: 1 }).sort({ day: 1 }).limit(1).lean()
    return (doc?.day as string) ?? null
  }
  const result = await execute(payload, sql`SELECT day FROM funnel_rollups WHERE key = ${PRUNED_KEY}`)
  return (result.rows[0]?.day as string | undefined) ?? null
}

/** Deletes up to `limit` raw events (and marks) of days before `beforeDay`; returns how many events went. */
export async function pruneFunnelEvents(payload: Payload, beforeDay: string, limit: number): Promise<number> {
  if (activeEngine() === 'mongodb') {
    const ids = (
      await mongoModel(payload, 'funnel-events')
        .find({ day: { $lt: beforeDay } }, { _id: 1 })
        .sort({ day: 1 })
        .limit(limit)
        .lean()
    ).map((d) => d._id)
    const res = await mongoModel(payload, 'funnel-events').deleteMany({ _id: { $in: ids } })
    await mongoModel(payload, 'funnel-marks').deleteMany({ day: { $lt: beforeDay } })
    return res.deletedCount ?? 0
  }
  const [events] = await batch(payload, [
    sql`DELETE FROM funnel_events WHERE id IN (SELECT id FROM funnel_events WHERE day < ${beforeDay} ORDER BY day LIMIT ${limit})`,
    sql`DELETE FROM funnel_marks WHERE id IN (SELECT id FROM funnel_marks WHERE day < ${beforeDay} LIMIT ${limit})`,
  ])
  return events.rowsAffected
}
