/** Milliseconds since the epoch; injectable so tests control signing timestamps and skew checks. */
export type Now = () => number

export const systemNow: Now = () => Date.now()

export const unixSeconds = (now: Now): number => Math.floor(now() / 1000)
