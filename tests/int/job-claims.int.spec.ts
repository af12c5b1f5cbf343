// Jobs run exactly once across instances (src/platform/jobs/exclusivePicks.ts): several runners picking at the same
// moment — the jobs cron of two instances, and "send now" running its job at once — never take the same job, and a
// job whose runner was killed mid-run is picked again once it is stale.
import type { Payload, TaskHandler, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { releaseStaleJobs } from '@/db/jobClaims'

import { bootPayload, shutdown } from '../helpers/payload'

let payload: Payload
/** Runs of the test task per job id. */
const runs = new Map<string, number>()

beforeAll(async () => {
  payload = await bootPayload()
  // The task the tests queue only counts its runs (a completed job's row is deleted, so its log cannot tell).
  const task = payload.config.jobs.tasks!.find((t) => t.slug === 'pruneFunnelEvents')!
  task.handler = (async (args) => {
    runs.set(String(args.job.id), (runs.get(String(args.job.id)) ?? 0) + 1)
    await new Promise((resolve) => setTimeout(resolve, 20)) // a run takes a while, as a real one does
    return { output: { deleted: 0 } }
  }) as TaskHandler<'pruneFunnelEvents'>
})
afterAll(() => shutdown(payload))

const queueJobs = async (n: number, queue: string) => {
  const ids: string[] = []
  for (let i = 0; i < n; i++) ids.push(String((await payload.jobs.queue({ task: 'pruneFunnelEvents', input: {}, queue })).id))
  return ids
}

const pickWhere = (queue: string): Where => ({ and: [{ queue: { equals: queue } }, { processing: { equals: false } }, { completedAt: { exists: false } }] })

/** What one runner's pick returns, as Payload's runJobs asks for it. */
const pick = (queue: string, limit: number) => payload.db.updateJobs({ where: pickWhere(queue), data: { processing: true }, limit, returning: true, req: {} })

const pendingJobs = async (queue: string) =>
  (await payload.count({ collection: 'payload-jobs', where: { queue: { equals: queue } }, overrideAccess: true })).totalDocs

describe('job picks', () => {
  it('four runners picking at once share the jobs out: none taken twice, none left', async () => {
    const ids = await queueJobs(12, 'claims-a')
    const picks = await Promise.all([pick('claims-a', 12), pick('claims-a', 12), pick('claims-a', 12), pick('claims-a', 12)])
    const taken = picks.flatMap((docs) => (docs ?? []).map((d) => String(d.id)))
    expect(taken.sort()).toEqual([...ids].sort())
    expect(await pick('claims-a', 12)).toEqual([])
  })

  it('a job run by id while two crons run it is run once', async () => {
    const [id] = await queueJobs(1, 'claims-b')
    await Promise.all([
      payload.jobs.runByID({ id }),
      payload.jobs.run({ queue: 'claims-b' }),
      payload.jobs.run({ queue: 'claims-b' }),
      payload.jobs.runByID({ id }),
    ])
    expect(runs.get(id)).toBe(1)
    expect(await pendingJobs('claims-b')).toBe(0) // completed (and so deleted)
  })

  it('a job left processing by a killed runner is picked again once stale, a live one is not', async () => {
    const ids = await queueJobs(2, 'claims-c')
    const first = await pick('claims-c', 1)
    expect(first).toHaveLength(1)
    const dead = String(first![0].id)
    const live = ids.find((id) => id !== dead)!
    // The runner of `dead` is killed here: nothing clears its flag. `live` is picked later by a runner that lives on.
    await new Promise((resolve) => setTimeout(resolve, 30))
    const between = new Date()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect((await pick('claims-c', 5))?.map((d) => String(d.id))).toEqual([live])
    expect(await pick('claims-c', 5)).toEqual([]) // both are held: neither is picked again
    expect(await releaseStaleJobs(payload, new Date(between.getTime() - 60_000))).toBe(0)
    expect(await releaseStaleJobs(payload, between)).toBeGreaterThanOrEqual(1) // and the other tests' picked jobs
    await payload.jobs.run({ queue: 'claims-c' })
    expect(runs.get(dead)).toBe(1)
    expect(runs.get(live)).toBeUndefined() // still held by its (live) runner
    expect(await pendingJobs('claims-c')).toBe(1)
  })
})
