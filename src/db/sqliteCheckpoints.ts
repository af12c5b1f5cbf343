// SQLite's WAL checkpoints, run beside the event loop instead of inside a buyer's COMMIT.
//
// By default SQLite checkpoints inside the COMMIT of whichever write pushes the WAL past 1,000 pages: on the
// push-day checkout that was the largest single cost (a checkout's SQL took 2.7 ms with it, 1.1 ms without, and the
// unlucky buyer's COMMIT took 30–130 ms; bench/README.md). Here a worker thread with its own connection runs a
// PASSIVE checkpoint every `intervalMs`: it copies committed pages into the database file on the other core while
// the app keeps writing. The WAL starts over at the app's first write after a complete checkpoint, that is after
// any pause of a few hundred ms; under writes without a pause it grows until the app connection's own automatic
// checkpoint, kept as a backstop (BACKSTOP_PAGES), which is then short (the worker did most of it) and lets it start
// over. Nothing about durability changes: commits are in the WAL either way.
//
// Why by hand: libsql has no background checkpointer; the worker is a dozen lines over libsql's own API.
import { Worker } from 'node:worker_threads'

import type { Payload } from 'payload'

import { libsqlPath } from './sqliteStatements'

/** The app connection's own automatic checkpoint, kept as a backstop: 20,000 pages (80 MB of WAL). */
export const BACKSTOP_PAGES = 20_000
const SQLITE_DEFAULT_PAGES = 1_000

export type CheckpointResult = { busy: number; log: number; checkpointed: number }
export type Checkpointer = { stop: () => Promise<void>; onResult: (listener: (result: CheckpointResult) => void) => void }

// Runs in the worker (CommonJS, `eval`): it must not import the app's modules.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.libsql)
const db = new Database(workerData.file)
db.exec('PRAGMA busy_timeout = 0; PRAGMA synchronous = NORMAL')
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').raw(true)
const timer = setInterval(() => {
  try {
    const [busy, log, checkpointed] = checkpoint.all()[0].map(Number)
    if (log > 0) parentPort.postMessage({ busy, log, checkpointed })
  } catch (error) {
    // Another instance's checkpointer is at work on the same file: its checkpoint does this one's job.
    if (!/SQLITE_BUSY|SQLITE_LOCKED/.test(String(error && error.code))) parentPort.postMessage({ error: String((error && error.message) || error) })
  }
}, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/** Starts checkpointing `file` (a path, not a URL) from a worker thread. */
export function startCheckpointer(file: string, options: { intervalMs?: number; onError?: (message: string) => void } = {}): Checkpointer {
  const worker = new Worker(WORKER, { eval: true, workerData: { file, libsql: libsqlPath(), intervalMs: options.intervalMs ?? 200 } })
  worker.unref() // never keeps a process alive
  const listeners: Array<(result: CheckpointResult) => void> = []
  worker.on('message', (message: CheckpointResult | { error: string }) => {
    if ('error' in message) options.onError?.(message.error)
    else for (const listener of listeners) listener(message)
  })
  worker.on('error', (error) => options.onError?.(error.message))
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return {
    onResult: (listener) => void listeners.push(listener),
    stop: async () => {
      worker.postMessage('stop')
      await exited
    },
  }
}

type SqliteAdapter = { clientConfig?: { url?: string }; client: { execute: (sql: string) => Promise<unknown> } }

/** The database file of a `file:` URL, or undefined (in-memory, remote). */
export const sqliteFileOf = (url: string | undefined) => {
  if (!url?.startsWith('file:')) return undefined
  const file = decodeURIComponent(url.slice('file:'.length).split('?')[0])
  return file && file !== ':memory:' ? file : undefined
}

const KEY = Symbol.for('tuiwen.db.sqliteCheckpoints')

/**
 * For the long-running server on SQLite: checkpoints move to a worker, the app's connection keeps only the
 * backstop. If the worker fails, the app's connection checkpoints as SQLite does by default again.
 */
export async function moveCheckpointsOffTheLoop(payload: Payload): Promise<void> {
  const store = globalThis as { [KEY]?: Checkpointer }
  const db = payload.db as unknown as SqliteAdapter
  const file = sqliteFileOf(db.clientConfig?.url) // undefined on PostgreSQL and MongoDB
  if (!file || store[KEY]) return
  await db.client.execute(`PRAGMA wal_autocheckpoint = ${BACKSTOP_PAGES}`)
  store[KEY] = startCheckpointer(file, {
    onError: (message) => {
      payload.logger.error({ msg: 'SQLite checkpointer failed; the app checkpoints itself again', err: message })
      void db.client.execute(`PRAGMA wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`).catch(() => undefined)
    },
  })
}
