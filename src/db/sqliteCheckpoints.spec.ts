// The WAL checkpointer (./sqliteCheckpoints.ts): with the writer's own automatic checkpoint off, a worker thread
// copies committed pages into the database file while the writer keeps writing; no committed row is lost; stop()
// ends the worker.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { describe, expect, it } from 'vitest'

import { type CheckpointResult, sqliteFileOf, startCheckpointer } from './sqliteCheckpoints'

async function writeRows(client: ReturnType<typeof createClient>, transactions: number) {
  for (let i = 0; i < transactions; i++)
    await client.batch(
      Array.from({ length: 20 }, (_, j) => ({ sql: 'INSERT INTO t (v) VALUES (?)', args: [`${i}-${j}-${'x'.repeat(200)}`] })),
      'write',
    )
}

async function freshDatabase() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tw-ckpt-')), 'db.sqlite')
  const client = createClient({ url: `file:${file}` })
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA wal_autocheckpoint = 0') // the writer never checkpoints itself
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
  return { file, client }
}

describe('SQLite checkpoints in a worker', () => {
  it('reads the file of a file: URL only', () => {
    expect(sqliteFileOf('file:/data/tuiwen.db')).toBe('/data/tuiwen.db')
    expect(sqliteFileOf('file:/data/my%20db.sqlite?mode=rwc')).toBe('/data/my db.sqlite')
    expect(sqliteFileOf('file::memory:')).toBeUndefined()
    expect(sqliteFileOf('postgres://127.0.0.1/x')).toBeUndefined()
    expect(sqliteFileOf(undefined)).toBeUndefined()
  })

  it('copies what the app commits into the database file while the app writes, and loses nothing', async () => {
    // The writer never checkpoints itself here: without the worker its database file stays as created and every
    // page waits in the WAL.
    const alone = await freshDatabase()
    await writeRows(alone.client, 100)
    const fileWithout = fs.statSync(alone.file).size
    alone.client.close()

    const { file, client } = await freshDatabase()
    const results: CheckpointResult[] = []
    const errors: string[] = []
    const checkpointer = startCheckpointer(file, { intervalMs: 10, onError: (message) => errors.push(message) })
    checkpointer.onResult((result) => results.push(result))
    try {
      for (let round = 0; round < 5; round++) {
        await writeRows(client, 20)
        // wait for a checkpoint that started after these writes, and so copied every one of them
        const before = results.length
        while (!results.slice(before).some((r) => r.checkpointed === r.log)) await new Promise((resolve) => setTimeout(resolve, 5))
      }
      expect(errors).toEqual([])
      expect(fileWithout).toBeLessThan(16 * 1024)
      expect(fs.statSync(file).size).toBeGreaterThan(100 * 20 * 200) // the rows are in the database file itself
    } finally {
      await checkpointer.stop()
      client.close()
    }
    const reopened = createClient({ url: `file:${file}` })
    expect(Number((await reopened.execute('SELECT COUNT(*) AS n FROM t')).rows[0].n)).toBe(100 * 20)
    reopened.close()
  })
})
