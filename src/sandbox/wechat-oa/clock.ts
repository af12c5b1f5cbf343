// A clock tests can move: `advance(ms)` shifts "now" and runs the timers that fall due, so publish jobs,
// token expiry and callback pushes happen without real sleeping. In 'system' mode (the demo) it follows
// the wall clock plus the offset, and timers also fire on real time. (The WeChat Pay emulator keeps a plain
// test clock and an async scheduler instead: its timed work is network delivery.)
import type { Clock } from '@/platform/clock'

export type EmulatorClock = Clock & {
  /** Runs `fn` once "now" reaches now()+ms (via advance, or real time in system mode). */
  schedule(ms: number, fn: () => void): void
  advance(ms: number): void
  /** Timers not yet run. */
  pending(): number
}

export function createEmulatorClock(options: { mode?: 'manual' | 'system'; start?: number } = {}): EmulatorClock {
  const mode = options.mode ?? 'manual'
  const start = options.start ?? Date.UTC(2026, 0, 5, 2, 0, 0)
  let offset = 0
  const timers: { at: number; seq: number; fn: () => void }[] = []
  let seq = 0
  const now = () => (mode === 'manual' ? start : Date.now()) + offset

  const runDue = () => {
    for (;;) {
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = timers[0]
      if (!next || next.at > now()) return
      timers.shift()
      next.fn()
    }
  }

  return {
    now,
    schedule(ms, fn) {
      timers.push({ at: now() + Math.max(0, ms), seq: seq++, fn })
      if (mode === 'system') setTimeout(runDue, Math.max(0, ms)).unref?.()
    },
    advance(ms) {
      offset += ms
      runDue()
    },
    pending: () => timers.length,
  }
}
