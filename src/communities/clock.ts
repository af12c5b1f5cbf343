// The communities module's own clock: QR rotation, validity windows and sign-up deadlines read it, and tests
// pin it instead of sleeping. Production never calls setClock.
import { type Clock, systemClock } from '@/platform/clock'

export const communitiesClock: Clock = { now: systemClock.now }

export const now = (): Date => new Date(communitiesClock.now())

/** Tests: pin the clock (a Date or a function); `setClock(null)` restores the real one. */
export function setClock(clock: Date | (() => Date) | null): void {
  if (clock === null) communitiesClock.now = systemClock.now
  else if (clock instanceof Date) communitiesClock.now = () => clock.getTime()
  else communitiesClock.now = () => clock().getTime()
}
