// `npm run demo`: builds if needed, migrates and seeds the embedded database (idempotent), then serves
// the admin and the demo at http://localhost:${PORT:-3000}.
import { buildIfStale, clearPageCache, demoSecret, seedOrFail, serve } from './lib/app.mjs'

const env = {
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || demoSecret(),
  // The demo pays through the local WeChat Pay and Official Account emulators (沙箱); production never does unless asked.
  TUIWEN_SANDBOX: '1',
}
const port = process.env.PORT || '3000'
// Only the server gets PORT: `payload run` without a terminal on stdin silently does nothing when PORT is set.
delete process.env.PORT

try {
  await buildIfStale()
  await seedOrFail(env)
  console.log(`\nTuiwen demo: http://localhost:${port}   admin: http://localhost:${port}/admin\n`)
  clearPageCache()
  await serve({ ...env, PORT: port })
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
