// npm-less entry: node bench/funnel.mjs — the funnel at scale on a fresh SQLite file (BENCH_EVENTS, default 1,000,000).
// Runs bench/funnel-run.ts through `payload run`, which needs the database chosen before the config loads.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { payloadRunOrFail } from '../scripts/lib/app.mjs'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuiwen-funnel-bench-'))
await payloadRunOrFail('bench/funnel-run.ts', {
  DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: 'bench-only-secret',
  TUIWEN_JOBS_AUTORUN: 'false',
})
fs.rmSync(dir, { recursive: true, force: true })
