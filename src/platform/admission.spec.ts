import { describe, expect, it } from 'vitest'

import { createAdmission, OverloadedError } from './admission'
import { errorResponse } from './errors'

const gate = () => {
  let open!: () => void
  const promise = new Promise<void>((r) => (open = r))
  return { promise, open }
}

describe('bounded admission', () => {
  it('runs at most maxInFlight at once and hands slots to waiters in order', async () => {
    const admission = createAdmission({ maxInFlight: 2, maxQueue: 10, maxWaitMs: 1000 })
    const g = gate()
    let running = 0
    let peak = 0
    const order: number[] = []
    const jobs = Array.from({ length: 6 }, (_, i) =>
      admission.run(async () => {
        running++
        peak = Math.max(peak, running)
        if (i < 2) await g.promise
        order.push(i)
        running--
      }),
    )
    await new Promise((r) => setTimeout(r, 10))
    expect(admission.stats()).toMatchObject({ inFlight: 2, queued: 4 })
    g.open()
    await Promise.all(jobs)
    expect(peak).toBe(2)
    expect(order.slice(2)).toEqual([2, 3, 4, 5])
    expect(admission.stats()).toMatchObject({ inFlight: 0, queued: 0, turnedAway: 0 })
  })

  it('turns away beyond the queue at once, and waiters after maxWaitMs, with a 503 that says to retry', async () => {
    const admission = createAdmission({ maxInFlight: 1, maxQueue: 1, maxWaitMs: 30 })
    const g = gate()
    const busy = admission.run(() => g.promise)
    const waiting = admission.run(async () => 'late')
    const started = Date.now()
    await expect(admission.run(async () => 'x')).rejects.toBeInstanceOf(OverloadedError)
    expect(Date.now() - started).toBeLessThan(20)
    await expect(waiting).rejects.toBeInstanceOf(OverloadedError)
    const response = errorResponse(new OverloadedError())
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('2')
    const { error } = await response.json()
    expect(error.code).toBe('BUSY')
    expect(error.message).toContain('排队人数较多，请稍后再试')
    g.open()
    await busy
    expect(admission.stats()).toMatchObject({ inFlight: 0, queued: 0, turnedAway: 2 })
    expect(await admission.run(async () => 'ok')).toBe('ok')
  })
})
