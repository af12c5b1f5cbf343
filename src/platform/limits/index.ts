import type { Payload } from 'payload'

import { hitWindow } from '@/db/rateLimits'

import { AppError } from '../errors'
import { type LimitName, LIMITS } from './policies'

export { type LimitName, LIMITS } from './policies'

/** A request over one of the LIMITS: answered 429 RATE_LIMITED with Retry-After. */
export class RateLimitedError extends AppError {
  override name = 'RateLimitedError'
  constructor(
    readonly limit: LimitName,
    readonly retryAfterS: number,
  ) {
    super('RATE_LIMITED', 429, LIMITS[limit].message, { headers: { 'retry-after': String(retryAfterS), 'cache-control': 'no-store' } })
  }
}

/**
 * The subject a limit is keyed on. An address of 'unknown' means the request did not come through
 * scripts/server.mjs (in-process tests, jobs): there is no client to limit.
 */
const limited = (subject: string | undefined): subject is string => Boolean(subject) && subject !== 'unknown'

/** Counts `cost` against `name` for `subject`; throws RateLimitedError (after giving the cost back) when over. */
export async function takeLimit(payload: Payload, name: LimitName, subject: string | undefined, options: { cost?: number; now?: number } = {}): Promise<void> {
  if (!limited(subject)) return
  const policy = LIMITS[name]
  const cost = options.cost ?? 1
  const now = options.now ?? Date.now()
  const hit = await hitWindow(payload, `${name}:${subject}`, policy.windowMs, { now, delta: cost })
  if (hit.count > policy.limit) {
    // Refused requests don't count, so a client that backs off gets its budget back at the window's end.
    await hitWindow(payload, `${name}:${subject}`, policy.windowMs, { now, delta: -cost })
    throw new RateLimitedError(name, Math.max(1, Math.ceil((hit.resetAt - now) / 1000)))
  }
}

/** Gives back what takeLimit took (a hold that failed, a login that succeeded). */
export async function giveBackLimit(
  payload: Payload,
  name: LimitName,
  subject: string | undefined,
  options: { cost?: number; now?: number } = {},
): Promise<void> {
  if (!limited(subject)) return
  await hitWindow(payload, `${name}:${subject}`, LIMITS[name].windowMs, { now: options.now, delta: -(options.cost ?? 1) }).catch(() => undefined)
}
