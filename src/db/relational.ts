// The relational engines' handle, as the primitives of src/db use it: Payload's drizzle instance over libsql
// (SQLite) or node-postgres (PostgreSQL). The primitives' SQL is written once for both; where the dialects differ,
// a helper below says so. Results come back in one shape, with PostgreSQL's numeric/bigint strings left for the
// caller's Number() and its jsonb already parsed (see `json`).
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { type LibsqlResult, sqliteDb } from './sqlite'

export type SQL = ReturnType<typeof sql>
export type Row = Record<string, unknown>
export type Result = { rows: Row[]; rowsAffected: number }

type PgResult = { rows?: Row[]; rowCount?: number | null }
type PgDb = { execute: (query: SQL) => Promise<PgResult>; transaction: <T>(run: (tx: PgDb) => Promise<T>) => Promise<T> }

export const onPostgres = () => activeEngine() === 'postgres'

const drizzle = <T>(payload: Payload) => (payload.db as unknown as { drizzle: T }).drizzle

const fromLibsql = (r: LibsqlResult): Result => ({ rows: (r.rows ?? []) as Row[], rowsAffected: r.rowsAffected ?? 0 })
const fromPg = (r: PgResult): Result => ({ rows: r.rows ?? [], rowsAffected: r.rowCount ?? 0 })

/** Runs one statement (its own transaction). */
export async function execute(payload: Payload, query: SQL): Promise<Result> {
  if (onPostgres()) return fromPg(await drizzle<PgDb>(payload).execute(query))
  return fromLibsql(await sqliteDb(payload).run(query))
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
