// Bounded admission per instance: at most `maxInFlight` requests of a kind run at once, up to `maxQueue` wait at
// most `maxWaitMs` for a turn, and the rest are turned away at once (503 + Retry-After), so under a push-day
// crowd every buyer gets an answer in seconds instead of a 46-second spinner. Hand-written: it is a counting
// semaphore with a bounded, timed queue, smaller than any library's surface for it.
import { AppError } from './errors'

const BUSY_RETRY_AFTER_S = 2

/** Turned away by a full admission: answered 503 BUSY with Retry-After. */
export class OverloadedError extends AppError {
  override name = 'OverloadedError'
  readonly retryAfterS = BUSY_RETRY_AFTER_S
  constructor() {
    super('BUSY', 503, '排队人数较多，请稍后再试 (too many buyers at once; try again in a moment)', {
      headers: { 'retry-after': String(BUSY_RETRY_AFTER_S), 'cache-control': 'no-store' },
    })
  }
}

export type Admission = { run<T>(work: () => Promise<T>): Promise<T>; stats(): { inFlight: number; queued: number; turnedAway: number } }

export function createAdmission(options: { maxInFlight: number; maxQueue: number; maxWaitMs: number }): Admission {
  let inFlight = 0
  let turnedAway = 0
  const queue: Array<{ start: () => void; timer: ReturnType<typeof setTimeout> }> = []

  const release = () => {
    const next = queue.shift()
    if (!next) {
      inFlight--
      return
    }
    clearTimeout(next.timer)
    next.start() // the slot passes straight to the next waiter
  }

  const acquire = () =>
    new Promise<void>((resolve, reject) => {
      if (inFlight < options.maxInFlight) {
        inFlight++
        return resolve()
      }
      if (queue.length >= options.maxQueue) {
        turnedAway++
        return reject(new OverloadedError())
      }
      const waiter = {
        start: resolve,
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1)
          turnedAway++
          reject(new OverloadedError())
        }, options.maxWaitMs),
      }
      queue.push(waiter)
    })

  return {
    async run(work) {
      await acquire()
      try {
        return await work()
      } finally {
        release()
      }
    },
    stats: () => ({ inFlight, queued: queue.length, turnedAway }),
  }
}
