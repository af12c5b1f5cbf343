// The embedded engine's handle, as the primitives of src/db use it: Payload's drizzle instance over libsql, and one
// write transaction as a batch of statements.
import type { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

type SQL = ReturnType<typeof sql>
export type LibsqlResult = { rowsAffected?: number; rows?: unknown[] }
export type SqliteDb = { run: (query: unknown) => Promise<LibsqlResult>; dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } } }

export const sqliteDb = (payload: Payload) => (payload.db as unknown as { drizzle: SqliteDb }).drizzle

type LibsqlClient = { batch: (stmts: Array<{ sql: string; args: unknown[] }>, mode: 'write') => Promise<LibsqlResult[]> }

/** A statement already in libsql's shape: `?` placeholders and their arguments (for large generated batches). */
export type RawStatement = { sql: string; args: unknown[] }
const isRaw = (s: SQL | RawStatement): s is RawStatement => typeof (s as RawStatement).sql === 'string' && Array.isArray((s as RawStatement).args)

/**
 * Runs statements as ONE write transaction (BEGIN IMMEDIATE … COMMIT) on a single connection. The embedded libsql
 * client executes a batch synchronously, so nothing interleaves; any error rolls the whole batch back.
 */
export async function sqliteBatch(payload: Payload, statements: (SQL | RawStatement)[]): Promise<LibsqlResult[]> {
  const db = sqliteDb(payload)
  const client = (payload.db as unknown as { client: LibsqlClient }).client
  return client.batch(
    statements.map((statement) => {
      if (isRaw(statement)) return statement
      const { sql: text, params } = db.dialect.sqlToQuery(statement)
      return { sql: text, args: params }
    }),
    'write',
  )
}
