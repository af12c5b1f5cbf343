// The claim of a queued Payload job: of several runners (instances, the cron and a "run now") exactly one sets
// `processing` and runs it. Payload's own pick reads the candidates and then updates them (payload/dist/queues,
// @payloadcms/drizzle updateJobs), so two runners that read at the same moment both run the job; this is the
// compare-and-set that decides between them. Only src/platform/jobs calls this.
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { mongoModel } from './mongo'
import { bool, execute } from './relational'

type MongoJobs = {
  updateOne: (filter: object, update: object) => Promise<{ modifiedCount?: number }>
  updateMany: (filter: object, update: object) => Promise<{ modifiedCount?: number }>
}
const JOBS = 'payload-jobs'

/** Sets `processing` on a job that is not processing; returns whether this call won. */
export async function claimJob(payload: Payload, id: string | number): Promise<boolean> {
  const now = new Date()
  if (activeEngine() === 'mongodb') {
    const result = await mongoModel<MongoJobs>(payload, JOBS).updateOne({ _id: id, processing: { $ne: true } }, { $set: { processing: true, updatedAt: now } })
    return (result.modifiedCount ?? 0) === 1
  }
  const result = await execute(
    payload,
    sql`UPDATE payload_jobs SET processing = ${bool(true)}, updated_at = ${now.toISOString()} WHERE id = ${String(id)} AND (processing IS NULL OR processing = ${bool(false)})`,
  )
  return result.rowsAffected === 1
}

/**
 * Jobs still `processing` whose row has not changed since `before`: their runner died (a killed instance never
 * clears the flag, and Payload never picks such a job again). They become pickable; their tasks resume (every task
 * is written to be run again). Returns how many were released.
 */
export async function releaseStaleJobs(payload: Payload, before: Date): Promise<number> {
  if (activeEngine() === 'mongodb') {
    const result = await mongoModel<MongoJobs>(payload, JOBS).updateMany(
      { processing: true, completedAt: { $exists: false }, updatedAt: { $lt: before } },
      { $set: { processing: false } },
    )
    return result.modifiedCount ?? 0
  }
  const result = await execute(
    payload,
    sql`UPDATE payload_jobs SET processing = ${bool(false)} WHERE processing = ${bool(true)} AND completed_at IS NULL AND updated_at < ${before.toISOString()}`,
  )
  return result.rowsAffected
}
