import { type Clock, isTestClock } from '@/platform/clock'

type Task = { id: number; dueAt: number; run: () => Promise<void>; done: boolean }

/**
 * Timed work (callback deliveries and retries, refund settlement). With a test clock nothing runs by itself:
 * tests call tick(ms) or runDue(). With the real clock, tasks fire on timers, compressed by timeFactor.
 */
export function createScheduler(clock: Clock, options: { auto: boolean; timeFactor: number }) {
  const tasks: Task[] = []
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let seq = 0

  async function runTask(task: Task): Promise<void> {
    if (task.done) return
    task.done = true
    tasks.splice(tasks.indexOf(task), 1)
    await task.run()
  }

  function schedule(delayMs: number, run: () => Promise<void>): void {
    const task: Task = { id: ++seq, dueAt: clock.now() + delayMs, run, done: false }
    tasks.push(task)
    if (options.auto) {
      const timer = setTimeout(
        () => {
          timers.delete(timer)
          void runTask(task).catch(() => undefined)
        },
        Math.max(0, delayMs * options.timeFactor),
      )
      timer.unref?.()
      timers.add(timer)
    }
  }

  const nextDue = () =>
    tasks.reduce<Task | undefined>((best, t) => (!best || t.dueAt < best.dueAt || (t.dueAt === best.dueAt && t.id < best.id) ? t : best), undefined)

  /** Runs every task due now, including ones that become due while running (in due order). */
  async function runDue(): Promise<number> {
    let count = 0
    for (let task = nextDue(); task && task.dueAt <= clock.now(); task = nextDue()) {
      await runTask(task)
      count++
    }
    return count
  }

  /** Advances a test clock by `ms`, stopping at each due task so that it runs at its exact virtual time. */
  async function tick(ms: number): Promise<number> {
    if (!isTestClock(clock)) throw new Error('tick() needs a test clock (createTestClock)')
    const target = clock.now() + ms
    let count = await runDue()
    for (let task = nextDue(); task && task.dueAt <= target; task = nextDue()) {
      if (task.dueAt > clock.now()) clock.set(task.dueAt)
      count += await runDue()
    }
    clock.set(target)
    return count
  }

  return {
    schedule,
    runDue,
    tick,
    pending: () => tasks.length,
    nextDueAt: () => nextDue()?.dueAt,
    dispose() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      tasks.length = 0
    },
  }
}

export type Scheduler = ReturnType<typeof createScheduler>
