import { randomBytes } from 'node:crypto'

import type { Ctx } from './context'
import type { EmulatorState, TokenRecord } from './state'

// Real tokens look like `72_<long base64-ish>`; anything else is "malformed" (40014, §5.1 item 4).
const TOKEN_FORMAT = /^\d{2}_[A-Za-z0-9_-]{40,}$/

export function mintToken(ctx: Pick<Ctx, 'state' | 'clock' | 'settings'>, appId: string, kind: TokenRecord['kind']): TokenRecord {
  const now = ctx.clock.now()
  const record: TokenRecord = {
    token: `${kind === 'stable' ? 91 : 90}_${randomBytes(96).toString('base64url')}`,
    appId,
    kind,
    issuedAt: now,
    expiresAt: now + ctx.settings.tokenTtlSeconds * 1000,
  }
  ctx.state.tokens.set(record.token, record)
  ctx.state.stats.tokensIssued++
  return record
}

export type TokenCheck = { ok: true; record: TokenRecord } | { ok: false; errcode: 41001 | 40014 | 40001 | 42001 }

/** §5.1 item 4: missing → 41001, malformed → 40014, unknown/superseded → 40001, expired → 42001. */
export function checkToken(state: EmulatorState, now: number, token: string | null): TokenCheck {
  if (!token) return { ok: false, errcode: 41001 }
  if (!TOKEN_FORMAT.test(token)) return { ok: false, errcode: 40014 }
  const record = state.tokens.get(token)
  if (!record) return { ok: false, errcode: 40001 }
  if (record.invalidAfter !== undefined && now >= record.invalidAfter) return { ok: false, errcode: 40001 }
  if (now >= record.expiresAt) return { ok: false, errcode: 42001 }
  return { ok: true, record }
}
