// The PostgreSQL server of the test runs (`npm run test:postgres`): our machines and CI run PostgreSQL 15 on
// 127.0.0.1:5432 with trust auth and a database `test` to connect to; POSTGRES_URL points elsewhere.
import crypto from 'node:crypto'

import pg from 'pg'

export const POSTGRES_TEST_URL = process.env.POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test'

/** A new, not yet existing database name on the test server. */
export function postgresTestDatabase(): string {
  const url = new URL(POSTGRES_TEST_URL)
  url.pathname = `/tuiwen_test_${crypto.randomBytes(4).toString('hex')}`
  return url.toString()
}

/** Drops a throwaway test database (connected through the server's `test` database). */
export async function dropPostgresDatabase(uri: string): Promise<void> {
  const name = new URL(uri).pathname.slice(1)
  if (!/^tuiwen_test_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}: not a test database`)
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
