// One app boot (as an instance starting), for the tests that start several at once: loads the config, says
// `loaded`, waits for `go` on stdin (so the parent can start every instance's boot at the same moment), boots
// Payload against DATABASE_URI (running the boot-time migrations), counts users and exits.
import fs from 'node:fs'
import readline from 'node:readline'

const { default: config } = await import('@payload-config')
fs.writeSync(1, 'loaded\n')
await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).on('line', (line) => line === 'go' && resolve()))
const { getPayload } = await import('payload')
const payload = await getPayload({ config })
fs.writeSync(1, `booted users=${(await payload.count({ collection: 'users', overrideAccess: true })).totalDocs}\n`)
await payload.destroy()
process.exit(0)
