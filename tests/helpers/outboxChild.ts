// A separate process for tests/int/outbox.int.spec.ts: `write-and-die` boots Payload, waits for its boot drain,
// writes outbox messages and is killed (SIGKILL) before anything processes them; `boot` starts Payload (whose
// onInit drains the outbox, as a restarted server does) and exits when the drain is done.
import config from '@payload-config'
import { getPayload } from 'payload'

import { enqueueOutbox, type OutboxMessage } from '@/db/outbox'
import { outboxIdle } from '@/platform/outbox'

const payload = await getPayload({ config })
await outboxIdle()
if (process.argv[2] === 'write-and-die') {
  await enqueueOutbox(payload, JSON.parse(process.env.OUTBOX_MESSAGES ?? '[]') as OutboxMessage[])
  process.kill(process.pid, 'SIGKILL')
}
process.exit(0)
