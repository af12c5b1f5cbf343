// Daily at 04:30 (server time): raw funnel events older than the retention window go (src/analytics/maintenance.ts).
import type { TaskConfig } from 'payload'

import { pruneRawEvents } from '@/analytics/maintenance'

export const pruneFunnelEventsTask: TaskConfig = {
  slug: 'pruneFunnelEvents',
  label: 'Delete raw funnel events past their retention',
  schedule: [{ cron: '0 30 4 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number' }],
  handler: async ({ req }) => {
    const deleted = await pruneRawEvents(req.payload)
    return { output: { deleted } }
  },
}
