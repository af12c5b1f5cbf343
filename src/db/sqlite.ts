// The embedded engine's handle, as the primitives of src/db use it: Payload's drizzle instance over libsql.
import type { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

type SQL = ReturnType<typeof sql>
export type LibsqlResult = { rowsAffected?: number; rows?: unknown[] }
export type SqliteDb = { run: (query: unknown) => Promise<LibsqlResult>; dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } } }

export const sqliteDb = (payload: Payload) => (payload.db as unknown as { drizzle: SqliteDb }).drizzle
