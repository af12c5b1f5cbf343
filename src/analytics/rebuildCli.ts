// `npm run funnel:rebuild` (scripts/funnel-rebuild.mjs): recounts the funnel rollups of the database in
// DATABASE_URI from the raw events that remain, prints what it did and exits 0. `--from=YYYY-MM-DD` (passed on as
// TUIWEN_REBUILD_FROM) recounts from that day instead of the oldest raw day within retention.
import fs from 'node:fs'

import config from '@payload-config'
import { getPayload } from 'payload'

import { isDay } from '@/platform/beijingTime'

import { rebuildRollups } from './maintenance'

const from = process.env.TUIWEN_REBUILD_FROM || undefined
if (from && !isDay(from)) {
  console.error(`--from: 日期格式应为 YYYY-MM-DD (got "${from}")`)
  process.exit(2)
}
const payload = await getPayload({ config })
const started = Date.now()
console.log(`Rebuilding funnel rollups${from ? ` from ${from}` : ''}…`)
const result = await rebuildRollups(payload, { fromDay: from, log: (line) => console.log(line) })
if (!result.fromDay) console.log('No raw funnel events: nothing to rebuild (the rollups are kept as they are).')
else
  console.log(
    `Recounted ${result.events.toLocaleString('en')} raw events from ${result.fromDay} (raw events are kept ${result.retentionDays} days) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  )
if (process.env.PAYLOAD_RUN_DONE_FILE) fs.writeFileSync(process.env.PAYLOAD_RUN_DONE_FILE, new Date().toISOString())
process.exit(0)
