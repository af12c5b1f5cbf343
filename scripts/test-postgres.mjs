// `npm run test:postgres`: the integration suites again, against PostgreSQL (POSTGRES_URL, default the local
// server our machines and CI run: postgres://postgres@127.0.0.1:5432/test). Each test file gets a database of its
// own, built by the committed migrations (src/migrations/postgres). Without a reachable server this says so and passes.
import pg from 'pg'

import { bin, run, vitestJsonFor } from './lib/app.mjs'

const url = process.env.POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test'
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
try {
  await client.connect()
  await client.end()
} catch (error) {
  console.log(`PostgreSQL integration run skipped: no server at ${url.replace(/\/\/[^@]*@/, '//')} (${error.message}); start it or set POSTGRES_URL.`)
  process.exit(0)
}
await run(bin('vitest'), ['run', ...(process.argv.length > 2 ? process.argv.slice(2) : ['tests/int'])], {
  TUIWEN_TEST_ENGINE: 'postgres',
  POSTGRES_URL: url,
  ...vitestJsonFor('postgres'),
}).catch((e) => {
  console.error(e.message)
  process.exit(1)
})
