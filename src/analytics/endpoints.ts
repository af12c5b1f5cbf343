// REST surface of the funnel: the browser beacon and the dashboard's JSON/CSV (brand-scoped).
import type { Endpoint, PayloadRequest } from 'payload'

import { answersErrors, AppError } from '@/platform/errors'
import { clientIp, cookiesSecure, publicOrigin } from '@/platform/http/origin'
import { LIMITS, takeLimit } from '@/platform/limits'
import { newVisitorId, visitorCookie, visitorHash, visitorIdFrom } from '@/platform/reader'

import { type CsvKind, funnelCsv } from './csv'
import { articleHours, funnelReport } from './funnel'
import { createRateLimiter } from './rateLimit'
import { enqueueEvents } from './record'
import { funnelScope } from './scope'
import { BEACON_TYPES, CHANNEL_VALUES, type FunnelEventInput } from './types'
import { isWindowError, parseWindow, windowLabel } from './window'

export const BEACON_PATH = '/funnel/events'
export const MAX_BATCH = 20
const MAX_BODY = 8 * 1024
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/

const noStore = { 'cache-control': 'no-store' }

// Per visitor cookie (memory, per instance): bursts of 60 events, 2/s sustained. The cookie is the client's to
// drop, so the limit that holds is per client address, in the database (LIMITS.beacon, src/platform/limits).
export const beaconLimits = {
  visitor: createRateLimiter({ capacity: 60, refillPerSecond: 2 }),
}

const badBeacon = (message: string, field?: string) => new AppError('INVALID_BODY', 400, message, { field })

/**
 * Validates one beacon batch: only page-side event types, opaque ids, no brand/amount/visitor from the browser.
 * Throws an AppError (413 BODY_TOO_LARGE, 400 INVALID_BODY with the field) for a batch it refuses.
 */
export function parseBeacon(text: string): { events: FunnelEventInput[] } {
  if (text.length > MAX_BODY) throw new AppError('BODY_TOO_LARGE', 413, 'body too large')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw badBeacon('body is not JSON')
  }
  const list = Array.isArray(body) ? body : (body as { events?: unknown } | null)?.events
  if (!Array.isArray(list) || list.length === 0) throw badBeacon('events must be a non-empty array', 'events')
  if (list.length > MAX_BATCH) throw badBeacon(`at most ${MAX_BATCH} events per batch`, 'events')
  const events: FunnelEventInput[] = []
  for (const [i, raw] of list.entries()) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badBeacon(`events[${i}] must be an object`, `events[${i}]`)
    const e = raw as Record<string, unknown>
    for (const key of Object.keys(e))
      if (!['type', 'article', 'block', 'product', 'channel', 'sharer'].includes(key))
        throw badBeacon(`events[${i}].${key} is not allowed`, `events[${i}].${key}`)
    if (typeof e.type !== 'string' || !BEACON_TYPES.has(e.type as never)) throw badBeacon(`events[${i}].type is not a page event`, `events[${i}].type`)
    for (const key of ['article', 'product', 'sharer'] as const)
      if (e[key] !== undefined && e[key] !== null && e[key] !== '' && (typeof e[key] !== 'string' || !ID_RE.test(e[key] as string)))
        throw badBeacon(`events[${i}].${key} is malformed`, `events[${i}].${key}`)
    const block = e.block === undefined || e.block === null || e.block === '' ? undefined : Number(e.block)
    if (block !== undefined && (!Number.isInteger(block) || block < 0 || block > 9999)) throw badBeacon(`events[${i}].block is malformed`, `events[${i}].block`)
    if (e.channel !== undefined && e.channel !== null && e.channel !== '' && (typeof e.channel !== 'string' || !CHANNEL_VALUES.has(e.channel)))
      throw badBeacon(`events[${i}].channel is unknown`, `events[${i}].channel`)
    const article = (e.article as string) || undefined
    const product = (e.product as string) || undefined
    if (!article && !product) throw badBeacon(`events[${i}] needs an article or a product`, `events[${i}]`)
    if ((e.type === 'block_impression' || e.type === 'block_tap') && (!article || block === undefined))
      throw badBeacon(`events[${i}] block events need article and block`, `events[${i}]`)
    events.push({
      type: e.type as FunnelEventInput['type'],
      article,
      product,
      block,
      channel: ((e.channel as string) || undefined) as FunnelEventInput['channel'],
      sharer: (e.sharer as string) || undefined,
    })
  }
  return { events }
}

const sameSite = (req: PayloadRequest): boolean => {
  const origin = req.headers.get('origin')
  if (!origin || origin === 'null') return true
  try {
    return new URL(origin).host === new URL(publicOrigin(req)).host
  } catch {
    return false
  }
}

/**
 * POST /api/funnel/events — `{ events: [{ type, article?, block?, product?, channel?, sharer? }] }` (≤ 20), as
 * JSON or text/plain (navigator.sendBeacon). Answers 204 after validation; writing happens in the background.
 * Sets the first-party visitor cookie when missing. 429 when a visitor or client exceeds its budget.
 */
export const beaconEndpoint: Endpoint = {
  path: BEACON_PATH,
  method: 'post',
  handler: answersErrors(
    async (req) => {
      if (!sameSite(req)) throw new AppError('CROSS_SITE', 403, 'cross-site beacon')
      const parsed = parseBeacon(req.text ? await req.text() : '')
      const existing = visitorIdFrom(req.headers)
      const visitorId = existing ?? newVisitorId()
      const cost = parsed.events.length
      await takeLimit(req.payload, 'beacon', clientIp(req.headers), { cost })
      if (!beaconLimits.visitor.take(`v:${visitorId}`, cost))
        throw new AppError('RATE_LIMITED', 429, LIMITS.beacon.message, { headers: { 'retry-after': '5' } })
      const visitor = visitorHash(visitorId)
      enqueueEvents(
        req.payload,
        parsed.events.map((e) => ({ ...e, visitor })),
      )
      const headers = new Headers(noStore)
      if (!existing) headers.append('set-cookie', visitorCookie(visitorId, cookiesSecure(req)))
      return new Response(null, { status: 204, headers })
    },
    { headers: noStore },
  ),
}

const params = (req: PayloadRequest) => new URL(req.url ?? 'http://x').searchParams

/** The caller's funnel scope (their brands, or the one asked for): 401 LOGIN_REQUIRED / 403 FORBIDDEN otherwise. */
function scopeOf(req: PayloadRequest) {
  const scope = funnelScope(req.user, params(req).get('brand') || null)
  if (scope) return scope
  throw req.user ? new AppError('FORBIDDEN', 403, 'forbidden') : new AppError('LOGIN_REQUIRED', 401, 'login required')
}

async function scopedReport(req: PayloadRequest) {
  const scope = scopeOf(req)
  const window = parseWindow(params(req))
  if (isWindowError(window)) throw new AppError('INVALID_QUERY', 400, window.message, { field: window.field })
  return { report: await funnelReport(req.payload, { scope, ...window }), window }
}

/** GET /api/funnel/report?days=7|30|90 (or from=&to= YYYY-MM-DD) &brand=<id> — the dashboard's figures for the caller's brands. */
export const reportEndpoint: Endpoint = {
  path: '/funnel/report',
  method: 'get',
  handler: answersErrors(async (req) => {
    const { report } = await scopedReport(req)
    return Response.json(report, { headers: { 'cache-control': 'private, no-store' } })
  }),
}

/** GET /api/funnel/export.csv?kind=articles|blocks|products|daily&days=&brand= — UTF-8 CSV with BOM. */
export const csvEndpoint: Endpoint = {
  path: '/funnel/export.csv',
  method: 'get',
  handler: answersErrors(async (req) => {
    const { report, window } = await scopedReport(req)
    const raw = params(req).get('kind')
    const kind: CsvKind = raw === 'blocks' || raw === 'products' || raw === 'daily' ? raw : 'articles'
    return new Response(funnelCsv(report, kind), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="funnel-${kind}-${windowLabel(window)}.csv"`,
        'cache-control': 'private, no-store',
      },
    })
  }),
}

/** GET /api/funnel/article-hours?article=<id>&brand= — 推送后 48 小时: the article's first 48 hours by hour. */
export const articleHoursEndpoint: Endpoint = {
  path: '/funnel/article-hours',
  method: 'get',
  handler: answersErrors(async (req) => {
    const scope = scopeOf(req)
    const article = params(req).get('article') ?? ''
    if (!ID_RE.test(article)) throw new AppError('INVALID_QUERY', 400, 'article: 请指定文章 ID', { field: 'article' })
    const hours = await articleHours(req.payload, { scope, article })
    if (!hours) throw new AppError('NOT_FOUND', 404, 'article: 没有找到这篇文章', { field: 'article' })
    return Response.json(hours, { headers: { 'cache-control': 'private, no-store' } })
  }),
}

export const analyticsEndpoints: Endpoint[] = [beaconEndpoint, reportEndpoint, csvEndpoint, articleHoursEndpoint]
