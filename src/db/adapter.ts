import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations } from '../migrations/sqlite'
import { DEFAULT_SQLITE_FILE, engineFor } from './engine'
import { keepPreparedStatements } from './sqliteStatements'

/** Read replicas for PostgreSQL (comma-separated URIs): Payload sends reads outside transactions to them. */
const readReplicas = (env = process.env) =>
  (env.DATABASE_READ_REPLICAS ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean)

/**
 * Builds the Payload database adapter from DATABASE_URI.
 * SQLite never pushes its schema: the committed migrations are the single source of truth in dev,
 * tests and production alike, so a database made by one is valid for the others.
 */
export function databaseAdapter(projectRoot: string, uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  const engine = engineFor(uri)
  if (engine === 'mongodb') {
    return mongooseAdapter({ url: uri as string })
  }
  if (engine === 'postgres') {
    const replicas = readReplicas()
    return postgresAdapter({
      pool: { connectionString: uri, max: Number(process.env.DATABASE_POOL_MAX) || 20 },
      idType: 'uuid',
      // Like SQLite: the committed migrations are the schema, everywhere. They run in onInit (migrateOnBoot), not as
      // prodMigrations, so that instances booting together take turns.
      push: false,
      migrationDir: path.resolve(projectRoot, 'src/migrations/postgres'),
      ...(replicas.length ? { readReplicas: replicas } : {}),
    })
  }
  const url = uri || `file:${path.resolve(projectRoot, DEFAULT_SQLITE_FILE)}`
  keepPreparedStatements()
  if (url.startsWith('file:')) fs.mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true })
  return sqliteAdapter({
    client: { url },
    idType: 'uuid',
    // A developer may push the schema straight from the config (TUIWEN_DB_PUSH=1) while a change has no migration
    // yet; tests and every server use the migrations, and `npm run check:generated` keeps them in step.
    push: process.env.TUIWEN_DB_PUSH === '1',
    busyTimeout: 10_000,
    // WAL with synchronous=NORMAL: a commit is a write to the WAL, not an fsync. Every commit survives a killed
    // process and the file is never corrupted; only a power cut or OS crash can drop the last commits before the
    // next checkpoint (WeChat Pay's retried notify and the reconciliation job then settle those orders again).
    // FULL made every write block the event loop on an fsync, which on push day is every checkout.
    wal: { synchronous: 'NORMAL' },
    migrationDir: path.resolve(projectRoot, 'src/migrations/sqlite'),
    // The generated migration functions are typed for the SQLite adapter; Payload's list type is generic.
    prodMigrations: migrations as never,
  })
}

/** A PostgreSQL advisory-lock key of our own ("tuiwen migrate"), held while one instance migrates. */
const MIGRATION_LOCK_KEY = 74_117_105_119_101

type PgPool = { connect: () => Promise<{ query: (text: string, values?: unknown[]) => Promise<unknown>; release: () => void }> }

/**
 * Brings the schema up to the committed migrations at boot. SQLite: production runs them as prodMigrations on
 * connect, everywhere else this does. PostgreSQL: here in every environment, under an advisory lock, because
 * several instances boot at once against one database and Payload's migrate is not safe to run twice at the same
 * time; the second instance waits, then finds every migration done. MongoDB needs none.
 */
export async function migrateOnBoot(payload: Payload): Promise<void> {
  const engine = engineFor(process.env.DATABASE_URI)
  if (engine === 'mongodb' || process.env.PAYLOAD_MIGRATING === 'true' || process.env.TUIWEN_DB_PUSH === '1') return
  if (engine === 'postgres') {
    const client = await (payload.db as unknown as { pool: PgPool }).pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
      await payload.db.migrate({ migrations: postgresMigrations as never })
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined)
      client.release()
    }
    return
  }
  if (process.env.NODE_ENV === 'production') return
  if (migrations.length) await payload.db.migrate({ migrations: migrations as never })
}
