import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

import { safeReturnPath } from './safe-return-path'

// WeChat only accepts `state` matching [a-zA-Z0-9]{0,128} (§2.1), so the state is fixed-width hex:
// nonce (20) + expiry seconds (10) + truncated HMAC-SHA256 (32). The return path travels in the
// redirect_uri query (WeChat keeps it) and is bound to the state by the MAC, so it can be any length.
const NONCE_HEX = 20
const EXP_HEX = 10
const MAC_HEX = 32
const STATE_RE = new RegExp(`^[0-9a-f]{${NONCE_HEX + EXP_HEX + MAC_HEX}}$`)

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000

/** Single-use registry. `markUsed` must be atomic: true when newly marked, false when already used. */
export type UsedStateStore = { markUsed(id: string, expiresAtMs: number): Promise<boolean> | boolean }

export function createMemoryUsedStateStore(now: () => number = Date.now): UsedStateStore {
  const used = new Map<string, number>()
  return {
    markUsed(id, expiresAtMs) {
      const t = now()
      for (const [key, exp] of used) if (exp < t) used.delete(key)
      if (used.has(id)) return false
      used.set(id, expiresAtMs)
      return true
    },
  }
}

const mac = (secret: string, nonce: string, expHex: string, returnTo: string) =>
  createHmac('sha256', secret).update(`tuiwen-oauth-state|v1|${nonce}|${expHex}|${returnTo}`).digest('hex').slice(0, MAC_HEX)

export function createOAuthState(input: { secret: string; returnTo: string; now: number; ttlMs?: number }): {
  state: string
  returnTo: string
  expiresAt: number
} {
  if (!input.secret) throw new Error('createOAuthState: secret is required')
  const returnTo = safeReturnPath(input.returnTo)
  const expiresAt = input.now + (input.ttlMs ?? OAUTH_STATE_TTL_MS)
  const nonce = randomBytes(NONCE_HEX / 2).toString('hex')
  const expHex = Math.ceil(expiresAt / 1000)
    .toString(16)
    .padStart(EXP_HEX, '0')
  return { state: `${nonce}${expHex}${mac(input.secret, nonce, expHex, returnTo)}`, returnTo, expiresAt }
}

export type ConsumeOAuthStateResult = { ok: true; returnTo: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'replayed' }

export async function consumeOAuthState(input: {
  secret: string
  state: string | null | undefined
  /** The return path as received back (from the redirect_uri query). */
  returnTo: string | null | undefined
  now: number
  used: UsedStateStore
}): Promise<ConsumeOAuthStateResult> {
  const state = input.state ?? ''
  if (!STATE_RE.test(state)) return { ok: false, reason: 'malformed' }
  const nonce = state.slice(0, NONCE_HEX)
  const expHex = state.slice(NONCE_HEX, NONCE_HEX + EXP_HEX)
  const given = Buffer.from(state.slice(NONCE_HEX + EXP_HEX), 'hex')
  const returnTo = safeReturnPath(input.returnTo)
  const expected = Buffer.from(mac(input.secret, nonce, expHex, returnTo), 'hex')
  if (!timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  const expiresAt = parseInt(expHex, 16) * 1000
  if (input.now >= expiresAt) return { ok: false, reason: 'expired' }
  if (!(await input.used.markUsed(nonce, expiresAt))) return { ok: false, reason: 'replayed' }
  return { ok: true, returnTo }
}
