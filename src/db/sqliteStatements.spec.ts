// The SQLite statement cache (./sqliteStatements.ts): statements come back by SQL text per connection and give the
// same answers as freshly prepared ones — with new arguments, after a failed run, after a half-read result, inside
// a rolled-back transaction — and the client still tells statements that return rows from those that do not.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { describe, expect, it } from 'vitest'

import { clientsDatabaseClass, keepPreparedStatements, statementCounts, STATEMENTS_PER_CONNECTION } from './sqliteStatements'

type Db = {
  exec: (sql: string) => void
  prepare: (sql: string) => {
    run: (args: unknown[]) => { changes: number }
    all: (args: unknown[]) => unknown[]
    iterate: (args: unknown[]) => Iterator<unknown>
    raw: (t?: boolean) => unknown
    reader: boolean
  }
  close: () => void
}
const Database = clientsDatabaseClass() as unknown as { new (file: string): Db } & Parameters<typeof keepPreparedStatements>[0]
keepPreparedStatements(Database)

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tw-stmt-')), 'db.sqlite')

function table() {
  const db = new Database(tempFile())
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)')
  return db
}

describe('kept SQLite statements', () => {
  it('returns the same statement for the same text on one connection, a new one on another', () => {
    const a = table()
    const b = table()
    const sql = 'SELECT v FROM t WHERE id = ?'
    expect(a.prepare(sql)).toBe(a.prepare(sql))
    expect(b.prepare(sql)).not.toBe(a.prepare(sql))
    a.close()
    b.close()
  })

  it('answers like a fresh statement with new arguments, after a failed run and after a half-read result', () => {
    const db = table()
    const insert = 'INSERT INTO t (v) VALUES (?)'
    const select = 'SELECT id, v FROM t WHERE id >= ? ORDER BY id'
    db.prepare(insert).run(['a'])
    db.prepare(insert).run(['b'])
    expect(() => db.prepare(insert).run(['a'])).toThrow(/UNIQUE/)
    expect(db.prepare(insert).run(['c']).changes).toBe(1)
    db.prepare(select).raw(true)
    expect(db.prepare(select).all([2])).toEqual([
      [2, 'b'],
      [3, 'c'],
    ])
    db.prepare(select).iterate([1]).next() // read one row of three, then leave it
    expect(db.prepare(select).all([3])).toEqual([[3, 'c']])
    db.exec('BEGIN')
    db.prepare(insert).run(['d'])
    db.exec('ROLLBACK')
    expect(db.prepare(select).all([1])).toHaveLength(3)
    db.close()
  })

  it('keeps raw() throwing for a statement that returns no rows, and working for one that does', () => {
    const db = table()
    const write = db.prepare('UPDATE t SET v = ? WHERE id = ?')
    expect(write.reader).toBe(false)
    expect(() => write.raw(true)).toThrow(/only for statements that return data/)
    expect(() => db.prepare('INSERT INTO t (v) VALUES (?) RETURNING id').raw(true)).not.toThrow()
    db.close()
  })

  it('keeps at most STATEMENTS_PER_CONNECTION, dropping the least recently used', () => {
    const db = table()
    const first = db.prepare('SELECT 0')
    for (let i = 1; i < STATEMENTS_PER_CONNECTION; i++) db.prepare(`SELECT ${i}`)
    expect(db.prepare('SELECT 0')).toBe(first) // used again: now the most recent
    db.prepare(`SELECT ${STATEMENTS_PER_CONNECTION}`) // one too many: 'SELECT 1' is dropped, not 'SELECT 0'
    expect(db.prepare('SELECT 0')).toBe(first)
    const before = statementCounts().prepared
    db.prepare('SELECT 1')
    expect(statementCounts().prepared).toBe(before + 1)
    db.close()
  })

  it('serves @libsql/client: a repeated query and a batch are prepared once and answer correctly', async () => {
    const client = createClient({ url: `file:${tempFile()}` })
    await client.execute('CREATE TABLE n (id INTEGER PRIMARY KEY, k TEXT NOT NULL, c INTEGER NOT NULL)')
    const upsert = { sql: 'INSERT INTO n (id, k, c) VALUES (?, ?, 1) ON CONFLICT(id) DO UPDATE SET c = c + 1 RETURNING c', args: [1, 'x'] }
    const before = statementCounts()
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(Number((await client.execute(upsert)).rows[0].c))
    expect(answers).toEqual([1, 2, 3, 4, 5])
    const results = await client.batch([{ sql: 'UPDATE n SET c = c + ? WHERE id = ?', args: [10, 1] }, 'SELECT c FROM n'], 'write')
    expect(results[0].rowsAffected).toBe(1)
    expect(Number(results[1].rows[0].c)).toBe(15)
    await expect(
      client.batch([{ sql: 'UPDATE n SET c = c + ? WHERE id = ?', args: [1, 1] }, 'INSERT INTO n (id, k, c) VALUES (1, NULL, 0)'], 'write'),
    ).rejects.toThrow()
    expect(Number((await client.execute('SELECT c FROM n')).rows[0].c)).toBe(15) // the failed batch rolled back
    const after = statementCounts()
    expect(after.reused - before.reused).toBeGreaterThanOrEqual(4 + 2) // the upsert 4×, BEGIN and COMMIT of the second batch
    client.close()
  })
})
