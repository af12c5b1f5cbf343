/** The emulator's notion of time (ms since the epoch). */
export type EmulatorClock = { now(): number }

export type ManualClock = EmulatorClock & { set(ms: number): void; advance(ms: number): void; readonly manual: true }

export const realClock: EmulatorClock = { now: () => Date.now() }

/** A virtual clock for tests: time only moves when told to. */
export function createManualClock(startMs = Date.UTC(2026, 0, 15, 2, 0, 0)): ManualClock {
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

export function isManualClock(clock: EmulatorClock): clock is ManualClock {
  return (clock as Partial<ManualClock>).manual === true
}
