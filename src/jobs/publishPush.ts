import type { TaskConfig } from 'payload'

import { queuePoll } from '../publishing/push/poll'
import { runPush } from '../publishing/runPush'
import type { PushAction } from '../publishing/steps'

/** Runs one push action. Its steps live on the push document, so a retried job resumes where it stopped. */
export const publishPushTask: TaskConfig<{
  input: { pushId: string; action: string; to?: string; origin?: string; attempt?: number }
  output: { status: string; uploadedImages: number; uploadedCovers: number }
}> = {
  slug: 'publishPush',
  label: '推送到公众号',
  inputSchema: [
    { name: 'pushId', type: 'text', required: true },
    { name: 'action', type: 'text', required: true },
    { name: 'to', type: 'text' },
    { name: 'origin', type: 'text' },
    { name: 'attempt', type: 'number' },
  ],
  outputSchema: [
    { name: 'status', type: 'text' },
    { name: 'uploadedImages', type: 'number' },
    { name: 'uploadedCovers', type: 'number' },
  ],
  // Transient WeChat trouble that outlived the per-call retries: run the (resumable) job again later.
  retries: { attempts: 2, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, job, req }) => {
    const action = input.action as PushAction | 'poll'
    const result = await runPush(req.payload, {
      pushId: input.pushId,
      action,
      to: input.to ?? undefined,
      origin: input.origin ?? undefined,
      jobId: String(job.id),
    })
    if (action === 'poll' && result.status === 'publishing') await queuePoll(req.payload, input.pushId, input.origin ?? '', (input.attempt ?? 1) + 1)
    return { output: { status: result.status, uploadedImages: result.uploadedImages, uploadedCovers: result.uploadedCovers } }
  },
}
