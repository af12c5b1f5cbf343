// The outbox's safety net: every minute, whatever no request-time drain got to (a process killed after commit).
import type { TaskConfig } from 'payload'

import { drainOutbox } from '@/platform/outbox'

export const drainOutboxTask: TaskConfig = {
  slug: 'drainOutbox',
  label: 'Process side effects left in the outbox',
  schedule: [{ cron: '15 * * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    await drainOutbox(req.payload)
    return { output: {} }
  },
}
