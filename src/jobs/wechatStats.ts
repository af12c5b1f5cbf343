import type { TaskConfig } from 'payload'

import { importArticleStats } from '@/analytics/wechatStats'

/** Daily: yesterday's WeChat article statistics (datacube) for every account, into article-stats. */
export const importWechatStatsTask: TaskConfig<{
  input: { day?: string; origin?: string }
  output: { day: string; accounts: number; rows: number; matched: number; errors: string[] }
}> = {
  slug: 'importWechatStats',
  label: '导入公众号图文数据',
  inputSchema: [
    { name: 'day', type: 'text' },
    { name: 'origin', type: 'text' },
  ],
  outputSchema: [
    { name: 'day', type: 'text' },
    { name: 'accounts', type: 'number' },
    { name: 'rows', type: 'number' },
    { name: 'matched', type: 'number' },
    { name: 'errors', type: 'json' },
  ],
  // WeChat finalises yesterday's figures in the morning (Beijing time); servers run in UTC+8.
  schedule: [{ cron: '0 30 9 * * *', queue: 'default' }],
  retries: { attempts: 2, backoff: { type: 'exponential', delay: 600_000 } },
  handler: async ({ input, req }) => ({ output: await importArticleStats(req.payload, { day: input?.day || undefined, origin: input?.origin || undefined }) }),
}
