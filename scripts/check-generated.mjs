// Fails when payload-types.ts, the admin import map or the SQLite migrations lag behind the config:
// each generator runs and git must see no change.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { bin, root, run } from './lib/app.mjs'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tuiwen-check-'))
const env = { DATABASE_URI: `file:${path.join(tmp, 'check.db')}` }
await run(bin('payload'), ['generate:types'], env)
await run(bin('payload'), ['generate:importmap'], env)
await run(bin('payload'), ['migrate:create', 'drift-check', '--skip-empty'], env)
const changed = execFileSync('git', ['status', '--porcelain', '--', 'src/payload-types.ts', 'src/app/(payload)/admin/importMap.js', 'src/migrations'], {
  cwd: root,
  encoding: 'utf8',
})
if (changed.trim()) {
  console.error(
    'Generated files are out of date; run `npm run generate:types`, `npm run generate:importmap` and `npm run migrate:create -- <name>`, then commit:\n' +
      changed,
  )
  process.exit(1)
}
console.log('Generated types, import map and migrations are up to date.')
