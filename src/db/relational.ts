// The relational engines' handle, as the primitives of src/db use it: Payload's drizzle instance over libsql
// (SQLite) or node-postgres (PostgreSQL). The primitives' SQL is written once for both; where the dialects differ,
// a helper below says so. Results come back in one shape, with PostgreSQL's numeric/bigint strings left for the
// caller's Number() and its jsonb already parsed (see `json`).
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload, PayloadRequest } from 'payload'

import { activeEngine } from './engine'
import { type LibsqlResult, sqliteBatch, sqliteDb } from './sqlite'

export type SQL = ReturnType<typeof sql>
export type Row = Record<string, unknown>
export type Result = { rows: Row[]; rowsAffected: number }

type PgResult = { rows?: Row[]; rowCount?: number | null }
type PgDb = { execute: (query: SQL) => Promise<PgResult>; transaction: <T>(run: (tx: PgDb) => Promise<T>) => Promise<T> }

export const onPostgres = () => activeEngine() === 'postgres'

const drizzle = <T>(payload: Payload) => (payload.db as unknown as { drizzle: T }).drizzle

const fromLibsql = (r: LibsqlResult): Result => ({ rows: (r.rows ?? []) as Row[], rowsAffected: r.rowsAffected ?? 0 })
const fromPg = (r: PgResult): Result => ({ rows: r.rows ?? [], rowsAffected: r.rowCount ?? 0 })

/** A request that may carry Payload's transaction (a hook's `req`). */
export type InRequest = Pick<PayloadRequest, 'transactionID'> | undefined

/**
 * PostgreSQL: the handle of the request's transaction when it has one, else the pool. A hook that runs inside
 * Payload's create or update (a virtual count read while a relationship is validated) must not go around that
 * transaction: it holds its pool connection while the statement waits for another, and with as many concurrent
 * writes as the pool has connections, every connection is held that way and the pool deadlocks.
 */
async function pgHandle(payload: Payload, req: InRequest): Promise<PgDb> {
  const id = req?.transactionID ? await req.transactionID : undefined
  const sessions = (payload.db as unknown as { sessions?: Record<string, { db?: PgDb }> }).sessions
  return (id !== undefined && sessions?.[String(id)]?.db) || drizzle<PgDb>(payload)
}

/**
 * Runs one statement (its own transaction, or on PostgreSQL inside `req`'s transaction when it has one). SQLite
 * runs every statement on its one connection, as before.
 */
export async function execute(payload: Payload, query: SQL, req?: InRequest): Promise<Result> {
  if (onPostgres()) return fromPg(await (await pgHandle(payload, req)).execute(query))
  return fromLibsql(await sqliteDb(payload).run(query))
}

/**
 * Runs statements as ONE transaction and returns each one's result. SQLite: a libsql write batch (BEGIN IMMEDIATE …
 * COMMIT on one connection: nothing interleaves, so a later statement may rely on what an earlier one read).
 * PostgreSQL: one transaction at READ COMMITTED, where concurrent batches DO interleave — a statement there must
 * take its own row locks (UPDATE … WHERE …) instead of relying on an earlier SELECT.
 */
export async function batch(payload: Payload, statements: SQL[]): Promise<Result[]> {
  if (onPostgres()) {
    return pgTransaction(payload, async (exec) => {
      const out: Result[] = []
      for (const statement of statements) out.push(await exec(statement))
      return out
    })
  }
  return (await sqliteBatch(payload, statements)).map(fromLibsql)
}

/** A transaction whose later statements depend on earlier results (PostgreSQL only: SQLite uses sqliteBatch). */
export async function pgTransaction<T>(payload: Payload, run: (exec: (query: SQL) => Promise<Result>) => Promise<T>): Promise<T> {
  return drizzle<PgDb>(payload).transaction((tx) => run(async (query) => fromPg(await tx.execute(query))))
}

/** The larger of two values: MAX(a, b) is SQLite's scalar form, GREATEST(a, b) PostgreSQL's. */
export const greatest = (a: SQL, b: SQL): SQL => (onPostgres() ? sql`GREATEST(${a}, ${b})` : sql`MAX(${a}, ${b})`)

/** A JSON column's value: SQLite returns the stored text, PostgreSQL's jsonb arrives parsed. */
export const json = <T = Record<string, unknown>>(value: unknown, fallback: T): T =>
  value === null || value === undefined ? fallback : typeof value === 'string' ? (JSON.parse(value) as T) : (value as T)

/** A boolean parameter: SQLite stores 1/0, PostgreSQL has booleans. */
export const bool = (value: boolean): number | boolean => (onPostgres() ? value : value ? 1 : 0)

/**
 * A time-ordered row id made in SQL, a new one per row: `prefix` (timeOrderedPrefix(), ./ids.ts: the time part of a
 * UUID v7) and a random rest. SQLite: 16 random hex digits appended (text ids); PostgreSQL: the prefix laid over
 * gen_random_uuid(), whose random rest keeps the variant bits, so the value is a valid UUID v7 for the uuid column.
 */
export const timeOrderedIdSql = (prefix: string): SQL =>
  onPostgres() ? sql`overlay(gen_random_uuid()::text placing ${prefix} from 1 for 18)::uuid` : sql`${prefix} || lower(hex(randomblob(8)))`

/** PostgreSQL's FOR UPDATE SKIP LOCKED for a claim's subquery: concurrent claimers take different rows, not wait. */
export const skipLocked = (): SQL => (onPostgres() ? sql` FOR UPDATE SKIP LOCKED` : sql``)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/**
 * The ids that could name a row. PostgreSQL's uuid columns refuse any other text with an error (a 500 for a bad
 * id from a request), where SQLite simply finds nothing; so on PostgreSQL anything but a UUID is dropped first.
 */
export const possibleIds = (ids: readonly string[]): string[] => (onPostgres() ? ids.filter((id) => UUID.test(id)) : [...ids])

/** `a IN (…)` parameters. */
export const list = (values: readonly unknown[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )
