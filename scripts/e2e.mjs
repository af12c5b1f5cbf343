// `npm run test:e2e`: builds if needed, then runs Playwright against the production server (scripts/server.mjs) in Debian Chromium.
import fs from 'node:fs'

import { bin, buildIfStale, run } from './lib/app.mjs'

if (!fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) {
  console.error('Chromium not found at /usr/bin/chromium: install it with `apt-get install -y chromium` (never `npx playwright install`).')
  process.exit(1)
}
try {
  await buildIfStale()
  await run(bin('playwright'), ['test', ...process.argv.slice(2)])
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
