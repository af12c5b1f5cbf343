// The communities module's only source of "now": QR rotation, validity windows and sign-up deadlines read
// it, and tests set it instead of sleeping. Production never calls setClock.
let current: () => Date = () => new Date()

export const now = (): Date => current()

/** Tests: pin the clock (a Date or a function); `setClock(null)` restores the real one. */
export function setClock(clock: Date | (() => Date) | null): void {
  if (clock === null) current = () => new Date()
  else if (clock instanceof Date) current = () => new Date(clock.getTime())
  else current = clock
}
