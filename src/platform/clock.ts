// The one notion of "now" (milliseconds since the epoch). Code that reads time takes a Clock, or reads its
// module's Clock instance, so tests move time instead of sleeping.

export type Clock = { now(): number }

export const systemClock: Clock = { now: () => Date.now() }

/** WeChat's timestamps are whole seconds. */
export const unixSeconds = (ms: number): number => Math.floor(ms / 1000)

/** A clock that moves only when told (tests, the emulators' virtual time). */
export type TestClock = Clock & { set(ms: number): void; advance(ms: number): void; readonly manual: true }

export function createTestClock(startMs = Date.UTC(2026, 0, 15, 2, 0, 0)): TestClock {
  let current = startMs
  return {
    manual: true,
    now: () => current,
    set(ms) {
      current = ms
    },
    advance(ms) {
      current += ms
    },
  }
}

export function isTestClock(clock: Clock): clock is TestClock {
  return (clock as Partial<TestClock>).manual === true
}
