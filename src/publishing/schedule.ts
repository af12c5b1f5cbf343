// Scheduled pushes: the push's job is queued with waitUntil = the planned time; the server's job runner
// (autoRun, every minute) runs it then. The mass-send step still enforces one send a day per subscription account.
import type { Payload, PayloadRequest } from 'payload'

import type { Push } from '../payload-types'
import { defaultOrigin } from '../wechat/account/runtime'
import { BUSY_STATUSES, type PushAction, type PushStatus } from './steps'

export async function scheduleOrCancel(payload: Payload, push: Push, req?: PayloadRequest): Promise<string | undefined> {
  if (push.scheduledJobId) {
    await payload.jobs.cancel({ where: { id: { equals: push.scheduledJobId } }, req }).catch(() => undefined)
  }
  let jobId: string | undefined
  if (push.scheduledAt && !BUSY_STATUSES.includes(push.status as PushStatus)) {
    const action = (push.scheduledAction ?? 'massSend') as PushAction
    const job = await payload.jobs.queue({
      task: 'publishPush',
      input: { pushId: push.id, action, origin: defaultOrigin() },
      waitUntil: new Date(push.scheduledAt),
      req,
    })
    jobId = String(job.id)
  }
  await payload.update({ collection: 'pushes', id: push.id, data: { scheduledJobId: jobId ?? null }, overrideAccess: true, context: { publishing: true }, req })
  return jobId
}
