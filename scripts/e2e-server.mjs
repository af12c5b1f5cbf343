// Playwright's web server: a fresh embedded database and media folder, the demo seed, then scripts/server.mjs.
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { clearPageCache, root, seedOrFail, serve } from './lib/app.mjs'

const port = process.env.E2E_PORT || '3101'
// A server left over on this port would be tested instead of this build, with a different database.
const free = await new Promise((resolve) => {
  const probe = net
    .createServer()
    .once('error', () => resolve(false))
    .once('listening', () => probe.close(() => resolve(true)))
  probe.listen(Number(port))
})
if (!free) {
  console.error(`Port ${port} is already in use: stop the server running there (or set E2E_PORT) and run the e2e tests again.`)
  process.exit(1)
}

const dir = path.join(root, `data/e2e-${port}`)
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
const env = {
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_SECRET: 'e2e-secret-only-for-tests',
  // E2E_DATABASE_URI: another (empty) database, e.g. PostgreSQL for the bench's engine comparison.
  DATABASE_URI: process.env.E2E_DATABASE_URI || `file:${path.join(dir, 'e2e.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  TUIWEN_SANDBOX: process.env.TUIWEN_SANDBOX ?? '1',
}
await seedOrFail(env)
clearPageCache()
// The server's own origin (sandbox calls, callbacks) is derived from PORT when NEXT_PUBLIC_SERVER_URL is unset.
// Only the server gets PORT: `payload run` without a terminal on stdin silently does nothing when PORT is set.
await serve({ ...env, PORT: port })
