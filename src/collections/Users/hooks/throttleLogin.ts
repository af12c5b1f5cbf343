import crypto from 'node:crypto'

import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { clientIp } from '../../../platform/http/origin'
import { giveBackLimit, type LimitName, RateLimitedError, takeLimit } from '../../../platform/limits'

type Attempt = Array<[LimitName, string | undefined]>
const ATTEMPT = 'tuiwen.loginAttempt'

/** The account is keyed by a hash of the typed email, so an unknown email is throttled exactly like a real one. */
const accountKey = (email: unknown) =>
  crypto
    .createHash('sha256')
    .update(typeof email === 'string' ? email.toLowerCase().trim() : '')
    .digest('hex')
    .slice(0, 32)

function attemptOf(req: PayloadRequest, email: unknown): Attempt {
  const ip = clientIp(req.headers)
  const account = accountKey(email)
  const known = ip !== 'unknown'
  return [
    ['loginPerIp', known ? ip : undefined],
    ['loginPerAccountAndIp', known ? `${ip}:${account}` : undefined],
    ['loginPerAccount', account],
  ]
}

/**
 * Every login attempt is counted before the password is checked (atomically, so parallel guesses can't slip
 * through), and a successful one is given back: what remains are failures. Over a limit → 429 with Retry-After,
 * the same for existing, unknown and previously failed accounts (Payload's own lock, which told an attacker the
 * account exists and let anyone lock anyone out, is off: auth.maxLoginAttempts = 0).
 */
export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const attempt = attemptOf(req, (args as { data?: { email?: unknown } }).data?.email)
  const taken: Attempt = []
  try {
    for (const [name, subject] of attempt) {
      await takeLimit(req.payload, name, subject)
      taken.push([name, subject])
    }
  } catch (error) {
    for (const [name, subject] of taken) await giveBackLimit(req.payload, name, subject)
    if (!(error instanceof RateLimitedError)) throw error
    req.responseHeaders = new Headers(error.headers)
    throw new APIError(error.message, 429, null, true)
  }
  req.context[ATTEMPT] = attempt
  return args
}

export const forgiveSuccessfulLogin: CollectionAfterLoginHook = async ({ req }) => {
  const attempt = req.context[ATTEMPT] as Attempt | undefined
  if (!attempt) return
  for (const [name, subject] of attempt) await giveBackLimit(req.payload, name, subject)
}
