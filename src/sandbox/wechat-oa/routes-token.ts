import { beijingDay, beijingDayNumber } from '@/platform/beijingTime'

import type { Ctx, Route } from './context'
import { clearQuota, overQuota } from './quota'
import { json, ok, randomId, wxError } from './respond'
import { mintToken } from './tokens'

/** Shared credential checks of §5.1 item 1 (order: grant_type, appid, secret, IP, quota). */
function credentialError(ctx: Ctx, p: { grantType: unknown; appid: unknown; secret: unknown }, path: string): Response | undefined {
  if (p.grantType !== 'client_credential') return wxError(40002)
  if (!p.appid) return wxError(41002)
  const account = ctx.state.accounts.get(String(p.appid))
  if (!account) return wxError(40013)
  if (!p.secret) return wxError(41004)
  if (p.secret !== account.appSecret) return wxError(40125)
  const ip = ctx.settings.clientIp(ctx.request)
  if (account.ipWhitelist && !account.ipWhitelist.includes(ip)) return wxError(40164, `invalid ip ${ip} ipv6 ::ffff:${ip}, not in whitelist`)
  if (overQuota(ctx, account.appId, path)) return wxError(45009)
  return undefined
}

const token: Route = {
  method: 'GET',
  auth: false,
  json: false,
  handle(ctx) {
    ctx.state.stats.tokenCalls++
    const q = ctx.url.searchParams
    const params = { grantType: q.get('grant_type'), appid: q.get('appid'), secret: q.get('secret') }
    const error = credentialError(ctx, params, '/cgi-bin/token')
    if (error) return error
    const appId = String(params.appid)
    const now = ctx.clock.now()
    // Every call mints a new token; older basic tokens of this app die after the overlap (§1.1.1).
    for (const record of ctx.state.tokens.values())
      if (record.appId === appId && record.kind === 'basic' && record.invalidAfter === undefined)
        record.invalidAfter = now + ctx.settings.tokenOverlapSeconds * 1000
    const record = mintToken(ctx, appId, 'basic')
    return json({ access_token: record.token, expires_in: ctx.settings.tokenTtlSeconds })
  },
}

const ROTATE_BEFORE_MS = 300_000

const stableToken: Route = {
  method: 'POST',
  auth: false,
  json: true,
  handle(ctx) {
    ctx.state.stats.tokenCalls++
    const b = ctx.body
    const error = credentialError(ctx, { grantType: b.grant_type, appid: b.appid, secret: b.secret }, '/cgi-bin/stable_token')
    if (error) return error
    const appId = String(b.appid)
    const now = ctx.clock.now()
    const current = ctx.state.stable.get(appId)
    const live = current && current.invalidAfter === undefined && now < current.expiresAt ? current : undefined
    const reply = (record: { token: string; expiresAt: number }) =>
      json({ access_token: record.token, expires_in: Math.floor((record.expiresAt - now) / 1000) })

    if (b.force_refresh === true) {
      const day = beijingDayNumber(now)
      const force = ctx.state.stableForce.get(appId)
      const count = force && force.day === day ? force.count : 0
      // Within 30 s of the last forced refresh the call "will not refresh" [unverified]: return it unchanged.
      if (live && force && now - force.last < 30_000) return reply(live)
      if (count >= 20) return wxError(45009)
      ctx.state.stableForce.set(appId, { last: now, day, count: count + 1 })
      if (current) current.invalidAfter = now
      const record = mintToken(ctx, appId, 'stable')
      ctx.state.stable.set(appId, record)
      return reply(record)
    }
    // Normal mode: the same token with its remaining lifetime, rotated from T−300 s (§1.1.2).
    if (live && live.expiresAt - now > ROTATE_BEFORE_MS) return reply(live)
    const record = mintToken(ctx, appId, 'stable')
    ctx.state.stable.set(appId, record)
    return reply(record)
  },
}

const getTicket: Route = {
  method: 'GET',
  auth: true,
  json: false,
  handle(ctx) {
    ctx.state.stats.ticketCalls++
    const type = ctx.url.searchParams.get('type') ?? ''
    if (type !== 'jsapi' && type !== 'wx_card') return wxError(40097)
    const now = ctx.clock.now()
    const key = `${ctx.account.appId}|${type}`
    const current = ctx.state.jsTickets.get(key)
    const tokenIssuedAt = ctx.token ? (ctx.state.tokens.get(ctx.token)?.issuedAt ?? 0) : 0
    // §5.6 item 31: the ticket rotates after 7200 s or when the token rotates.
    let ticket = current
    if (!ticket || now >= ticket.expiresAt || tokenIssuedAt > ticket.issuedAt) {
      ticket = { ticket: `emu_${randomId(48)}`, appId: ctx.account.appId, type, issuedAt: now, expiresAt: now + 7200_000 }
      ctx.state.jsTickets.set(key, ticket)
      ctx.state.stats.ticketsIssued++
    }
    return ok({ ticket: ticket.ticket, expires_in: Math.floor((ticket.expiresAt - now) / 1000) })
  },
}

const clearQuotaRoute: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    if (ctx.body.appid !== ctx.account.appId) return wxError(40013)
    const month = beijingDay(ctx.clock.now()).slice(0, 7)
    const key = `${ctx.account.appId}|${month}`
    const used = ctx.state.clearQuota.get(key) ?? 0
    if (used >= 10) return wxError(48006)
    ctx.state.clearQuota.set(key, used + 1)
    clearQuota(ctx, ctx.account.appId)
    for (const k of [...ctx.state.massDaily.keys()]) if (k.startsWith(`${ctx.account.appId}|`)) ctx.state.massDaily.delete(k)
    return ok()
  },
}

export const tokenRoutes: Record<string, Route> = {
  '/cgi-bin/token': token,
  '/cgi-bin/stable_token': stableToken,
  '/cgi-bin/ticket/getticket': getTicket,
  '/cgi-bin/clear_quota': clearQuotaRoute,
}
