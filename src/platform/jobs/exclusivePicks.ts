// Jobs run exactly once across instances. Every instance runs the jobs cron, and "send now" runs its job at once on
// the instance that took the request; Payload's pick (read the candidates, then set `processing`) lets two of them
// take the same job. Wrapped here: every pick claims each job with a compare-and-set (src/db/jobClaims.ts) and
// keeps only the ones it won. Hand-written because Payload offers no locking pick for its relational adapters.
import type { Payload, UpdateJobsArgs, Where } from 'payload'

import { claimJob, releaseStaleJobs } from '@/db/jobClaims'

/** A job whose row has not moved for this long while `processing` lost its runner (a killed instance). */
export const STALE_JOB_MS = Number(process.env.TUIWEN_JOB_STALE_MS) || 30 * 60_000
const STALE_SWEEP_EVERY_MS = 60_000

const WRAPPED = Symbol.for('tuiwen.jobs.exclusivePicks')
type Wrappable = Payload['db'] & { [WRAPPED]?: true }

const isPick = (args: UpdateJobsArgs) => args.data?.processing === true

export function makeJobPicksExclusive(payload: Payload, now: () => number = Date.now): void {
  const db = payload.db as Wrappable
  if (db[WRAPPED]) return
  const updateJobs = db.updateJobs.bind(db)
  let lastSweep = 0
  db.updateJobs = async (args) => {
    if (!isPick(args)) return updateJobs(args)
    if (args.id !== undefined) return (await claimJob(payload, args.id)) ? updateJobs(args) : []
    if (now() - lastSweep > STALE_SWEEP_EVERY_MS) {
      lastSweep = now()
      const released = await releaseStaleJobs(payload, new Date(now() - STALE_JOB_MS))
      if (released) payload.logger.warn({ msg: 'jobs: released jobs whose runner stopped', released })
    }
    const candidates = await payload.db.find({ collection: 'payload-jobs', where: args.where, limit: args.limit, sort: args.sort, pagination: false })
    const won: (string | number)[] = []
    for (const job of candidates.docs) if (await claimJob(payload, job.id)) won.push(job.id)
    if (!won.length) return []
    const where: Where = { id: { in: won } }
    return updateJobs({ ...args, where, limit: won.length })
  }
  db[WRAPPED] = true
}
