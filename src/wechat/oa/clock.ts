/** Milliseconds since the epoch. Injected everywhere so tests control time instead of sleeping. */
export type Clock = { now(): number }

export const systemClock: Clock = { now: () => Date.now() }
