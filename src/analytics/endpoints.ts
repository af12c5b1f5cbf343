// REST surface of the funnel: the browser beacon and the dashboard's JSON/CSV (brand-scoped).
import type { Endpoint, PayloadRequest } from 'payload'

import { clientIp, cookiesSecure, publicOrigin } from '@/platform/http/origin'
import { RateLimitedError, takeLimit } from '@/platform/limits'
import { newVisitorId, visitorCookie, visitorHash, visitorIdFrom } from '@/platform/reader'

import { funnelCsv, type CsvKind } from './csv'
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

// Per visitor cookie (memory, per instance): bursts of 60 events, 2/s sustained. The cookie is the client's to
// drop, so the limit that holds is per client address, in the database (LIMITS.beacon, src/platform/limits).
export const beaconLimits = {
  visitor: createRateLimiter({ capacity: 60, refillPerSecond: 2 }),
}

type BeaconError = { status: number; error: string }

/** Validates one beacon batch: only page-side event types, opaque ids, no brand/amount/visitor from the browser. */
export function parseBeacon(text: string): { events: FunnelEventInput[] } | BeaconError {
  if (text.length > MAX_BODY) return { status: 413, error: 'body too large' }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { status: 400, error: 'body is not JSON' }
  }
  const list = Array.isArray(body) ? body : (body as { events?: unknown } | null)?.events
  if (!Array.isArray(list) || list.length === 0) return { status: 400, error: 'events must be a non-empty array' }
  if (list.length > MAX_BATCH) return { status: 400, error: `at most ${MAX_BATCH} events per batch` }
  const events: FunnelEventInput[] = []
  for (const [i, raw] of list.entries()) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { status: 400, error: `events[${i}] must be an object` }
    const e = raw as Record<string, unknown>
    for (const key of Object.keys(e))
      if (!['type', 'article', 'block', 'product', 'channel', 'sharer'].includes(key)) return { status: 400, error: `events[${i}].${key} is not allowed` }
    if (typeof e.type !== 'string' || !BEACON_TYPES.has(e.type as never)) return { status: 400, error: `events[${i}].type is not a page event` }
    for (const key of ['article', 'product', 'sharer'] as const)
      if (e[key] !== undefined && e[key] !== null && e[key] !== '' && (typeof e[key] !== 'string' || !ID_RE.test(e[key] as string)))
        return { status: 400, error: `events[${i}].${key} is malformed` }
    const block = e.block === undefined || e.block === null || e.block === '' ? undefined : Number(e.block)
    if (block !== undefined && (!Number.isInteger(block) || block < 0 || block > 9999)) return { status: 400, error: `events[${i}].block is malformed` }
    if (e.channel !== undefined && e.channel !== null && e.channel !== '' && (typeof e.channel !== 'string' || !CHANNEL_VALUES.has(e.channel)))
      return { status: 400, error: `events[${i}].channel is unknown` }
    const article = (e.article as string) || undefined
    const product = (e.product as string) || undefined
    if (!article && !product) return { status: 400, error: `events[${i}] needs an article or a product` }
    if ((e.type === 'block_impression' || e.type === 'block_tap') && (!article || block === undefined))
      return { status: 400, error: `events[${i}] block events need article and block` }
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
  handler: async (req) => {
    const noStore = { 'cache-control': 'no-store' }
    if (!sameSite(req)) return Response.json({ error: 'cross-site beacon' }, { status: 403, headers: noStore })
    const text = req.text ? await req.text() : ''
    const parsed = parseBeacon(text)
    if ('error' in parsed) return Response.json({ error: parsed.error }, { status: parsed.status, headers: noStore })
    const existing = visitorIdFrom(req.headers)
    const visitorId = existing ?? newVisitorId()
    const cost = parsed.events.length
    try {
      await takeLimit(req.payload, 'beacon', clientIp(req.headers), { cost })
    } catch (error) {
      if (error instanceof RateLimitedError) return Response.json({ error: 'too many events' }, { status: 429, headers: error.headers() })
      throw error
    }
    if (!beaconLimits.visitor.take(`v:${visitorId}`, cost)) return Response.json({ error: 'too many events' }, { status: 429, headers: { ...noStore, 'retry-after': '5' } })
    const visitor = visitorHash(visitorId)
    enqueueEvents(req.payload, parsed.events.map((e) => ({ ...e, visitor })))
    const headers = new Headers(noStore)
    if (!existing) headers.append('set-cookie', visitorCookie(visitorId, cookiesSecure(req)))
    return new Response(null, { status: 204, headers })
  },
}

const params = (req: PayloadRequest) => new URL(req.url ?? 'http://x').searchParams

function scopeOf(req: PayloadRequest) {
  const scope = funnelScope(req.user, params(req).get('brand') || null)
  return scope ? { scope } : { error: Response.json({ error: req.user ? 'forbidden' : 'login required' }, { status: req.user ? 403 : 401 }) }
}

async function scopedReport(req: PayloadRequest) {
  const { scope, error } = scopeOf(req)
  if (!scope) return { error }
  const window = parseWindow(params(req))
  if (isWindowError(window)) return { error: Response.json({ error: window.message, field: window.field }, { status: 400 }) }
  return { report: await funnelReport(req.payload, { scope, ...window }), window }
}

/** GET /api/funnel/report?days=7|30|90 (or from=&to= YYYY-MM-DD) &brand=<id> — the dashboard's figures for the caller's brands. */
export const reportEndpoint: Endpoint = {
  path: '/funnel/report',
  method: 'get',
  handler: async (req) => {
    const result = await scopedReport(req)
    if (result.error) return result.error
    return Response.json(result.report, { headers: { 'cache-control': 'private, no-store' } })
  },
}

/** GET /api/funnel/export.csv?kind=articles|blocks|products|daily&days=&brand= — UTF-8 CSV with BOM. */
export const csvEndpoint: Endpoint = {
  path: '/funnel/export.csv',
  method: 'get',
  handler: async (req) => {
    const result = await scopedReport(req)
    if (result.error) return result.error
    const raw = params(req).get('kind')
    const kind: CsvKind = raw === 'blocks' || raw === 'products' || raw === 'daily' ? raw : 'articles'
    return new Response(funnelCsv(result.report, kind), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="funnel-${kind}-${windowLabel(result.window!)}.csv"`,
        'cache-control': 'private, no-store',
      },
    })
  },
}

/** GET /api/funnel/article-hours?article=<id>&brand= — 推送后 48 小时: the article's first 48 hours by hour. */
export const articleHoursEndpoint: Endpoint = {
  path: '/funnel/article-hours',
  method: 'get',
  handler: async (req) => {
    const { scope, error } = scopeOf(req)
    if (!scope) return error
    const article = params(req).get('article') ?? ''
    if (!ID_RE.test(article)) return Response.json({ error: 'article: 请指定文章 ID', field: 'article' }, { status: 400 })
    const hours = await articleHours(req.payload, { scope, article })
    if (!hours) return Response.json({ error: 'article: 没有找到这篇文章', field: 'article' }, { status: 404 })
    return Response.json(hours, { headers: { 'cache-control': 'private, no-store' } })
  },
}

export const analyticsEndpoints: Endpoint[] = [beaconEndpoint, reportEndpoint, csvEndpoint, articleHoursEndpoint]
