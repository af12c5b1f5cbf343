// Several instances booting at once on one fresh PostgreSQL database (src/db/adapter.ts migrateOnBoot): they take
// turns migrating, so every instance comes up and every migration is applied exactly once.
import { spawn } from 'node:child_process'
import path from 'node:path'

import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { postgresRun } from '../helpers/payload'
import { dropPostgresDatabase, POSTGRES_TEST_URL, postgresTestDatabase } from '../helpers/postgres'

const uri = postgresTestDatabase()
const root = path.resolve(__dirname, '../..')

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text)).rows as T[]
  } finally {
    await client.end()
  }
}

type Instance = { go: () => void; exited: Promise<{ code: number | null; out: string }> }

/** Starts one boot and resolves once it has loaded the config and waits for `go`. */
function startInstance(): Promise<Instance> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['tests/helpers/bootOnce.mts'], {
      cwd: root,
      // --conditions=production: Lexical's top-level-await wrappers deadlock tsx starts now and then (tsxNodeOptions in scripts/lib/app.mjs).
      env: {
        ...process.env,
        DATABASE_URI: uri,
        NODE_ENV: 'production',
        NODE_OPTIONS: '--conditions=production',
        PAYLOAD_SECRET: 'boot-test',
        TUIWEN_JOBS_AUTORUN: 'false',
        PORT: '',
      },
    })
    let out = ''
    const exited = new Promise<{ code: number | null; out: string }>((done) => child.on('exit', (code) => done({ code, out })))
    child.stderr.on('data', (d) => (out += d))
    child.stdout.on('data', (d) => {
      out += d
      if (out.includes('loaded\n')) resolve({ go: () => child.stdin.write('go\n'), exited })
    })
    void exited.then(() => !out.includes('loaded\n') && resolve({ go: () => undefined, exited }))
  })
}

// Only the PostgreSQL run has a server to boot against (npm run test:postgres).
describe.skipIf(!postgresRun)('instances booting together on PostgreSQL', () => {
  afterAll(() => dropPostgresDatabase(uri))

  it('all come up and each migration is applied once', async () => {
    await sql(POSTGRES_TEST_URL, `CREATE DATABASE "${new URL(uri).pathname.slice(1)}"`)
    // Loaded one after the other, then booted at the same moment: their migrations overlap.
    const instances = [await startInstance(), await startInstance()]
    for (const i of instances) i.go()
    const results = await Promise.all(instances.map((i) => i.exited))
    expect(
      results.map((r) => r.code),
      results.map((r) => r.out.slice(-1500)).join('\n----\n'),
    ).toEqual([0, 0])
    for (const r of results) expect(r.out).toContain('booted users=0')
    const applied = await sql<{ name: string; n: string }>(uri, "SELECT name, count(*) AS n FROM payload_migrations WHERE name <> 'dev' GROUP BY name")
    expect(applied.length).toBeGreaterThanOrEqual(2)
    expect(applied.every((m) => Number(m.n) === 1)).toBe(true)
  }, 120_000)
})
