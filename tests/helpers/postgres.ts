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
    // The pool's clients close asynchronously (pool.end() resolves once each was told to end): wait, briefly, until
    // the server saw them go, so FORCE terminates none of them mid-close (an uncaught error in the test file).
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])
      if (!rows[0].n) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
