import type { CollectionAfterChangeHook } from 'payload'

import type { Push } from '../../../payload-types'
import { scheduleOrCancel } from '../../../publishing/schedule'

/** A planned time queues the push's job to run then (and a changed time replaces the queued job). */
export const scheduleJob: CollectionAfterChangeHook<Push> = async ({ doc, previousDoc, req, context }) => {
  if (context?.publishing) return doc
  if (doc.scheduledAt === previousDoc?.scheduledAt && doc.scheduledAction === previousDoc?.scheduledAction) return doc
  await scheduleOrCancel(req.payload, doc, req)
  return doc
}
