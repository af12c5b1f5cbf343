// `npm run seed`: seeds the configured database (DATABASE_URI, default data/tuiwen.db) and prints the demo logins.
import fs from 'node:fs'

import config from '@payload-config'
import { getPayload } from 'payload'

import { demoAccounts } from './demoAccounts'
import { seed } from './index'

const payload = await getPayload({ config })
await seed({ payload, log: (line) => console.log(line) })
const accounts = demoAccounts()
console.log('Demo logins:')
for (const [role, a] of Object.entries(accounts)) console.log(`  ${role.padEnd(10)} ${a.email} / ${a.password}`)
// Lets scripts/lib/app.mjs tell a finished seed from a `payload run` that exited without running this file.
if (process.env.PAYLOAD_RUN_DONE_FILE) fs.writeFileSync(process.env.PAYLOAD_RUN_DONE_FILE, new Date().toISOString())
process.exit(0)
