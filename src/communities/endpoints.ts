// Reader endpoints of the community page, mounted on their collections:
//   POST /api/community-events/:id/signup   { name?, phone? } → 201 { signUp, seats } | 409 FULL/ALREADY_SIGNED_UP/CLOSED | 404
//   POST /api/coupons/:id/claim                               → 201 { claim, coupon } | 409 SOLD_OUT/LIMIT_REACHED/NOT_STARTED/EXPIRED | 404
//   POST /api/communities/:id/join                            → 200 { member: { number, isNew }, memberCount } | 404
//   all three: 403 READER_REQUIRED (no valid reader cookie; one is set) | 403 CSRF | 429 RATE_LIMITED
// The reader is the signed member cookie (`tw_member`, src/platform/reader/member.ts). A JSON request without a
// valid one is refused with 403 READER_REQUIRED and a fresh cookie (Set-Cookie) to retry with, so per-reader limits
// never count "nobody".
// The page's no-JavaScript forms post the same endpoints as application/x-www-form-urlencoded: they are answered
// 303 back to the community page with the outcome in the query (./outcome.ts). A form cannot retry, so a form
// post without a cookie goes on as the reader whose cookie its answer sets; that is why a form post must come
// from our own pages even when it carries no cookie.
// Each endpoint is also limited per client address (src/platform/limits).
import type { Endpoint, PayloadRequest } from 'payload'

import { AppError, errorResponse } from '@/platform/errors'
import { allowedOrigins, checkCsrf, csrfRefusal } from '@/platform/http/csrf'
import { clientIp } from '@/platform/http/origin'
import { type LimitName, takeLimit } from '@/platform/limits'
import { ensureMember } from '@/platform/reader'

import { claimCoupon } from './claimCoupon'
import { now } from './clock'
import { CommunityError } from './errors'
import { joinCommunity } from './join'
import { anchorOf, type Outcome, outcomeSearch, type ReaderActionName } from './outcome'
import { communityPathOf } from './returnPath'
import { signUpForEvent } from './signUp'

const MAX_BODY = 4 * 1024

const isFormPost = (headers: Headers) => (headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')

/** The JSON or form body as fields (the form's the same names as the JSON's); {} for any other body. */
async function optionalBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  const form = isFormPost(req.headers)
  if (!form && !(req.headers.get('content-type') ?? '').includes('application/json')) return {}
  const text = req.text ? await req.text() : ''
  if (!text) return {}
  if (text.length > MAX_BODY) throw new CommunityError('INVALID', 400, '请求内容过大 (body too large)')
  if (form) return Object.fromEntries(new URLSearchParams(text))
  try {
    const body = JSON.parse(text)
    return body && typeof body === 'object' && !Array.isArray(body) ? body : {}
  } catch {
    throw new CommunityError('INVALID', 400, '请求内容不是有效的 JSON (invalid JSON)')
  }
}

const text = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined)

export const READER_REQUIRED_MESSAGE = '请刷新页面后再试一次 (reader cookie required: retry with the cookie just set)'

type Run = (req: PayloadRequest, id: string, readerKey: string) => Promise<{ status: number; body: unknown; code?: string }>

/** The 303 of a form post back to its community page, or null when the document has no published page. */
async function backToPage(req: PayloadRequest, outcome: Outcome, headers: Record<string, string>): Promise<Response | null> {
  const path = await communityPathOf(req.payload, outcome.action, outcome.id)
  if (!path) return null
  const location = `${path}${outcomeSearch(outcome)}#${anchorOf(outcome.action, outcome.id)}`
  return new Response(null, { status: 303, headers: { ...headers, location } })
}

async function formRefusal(req: PayloadRequest, action: ReaderActionName, id: string, error: unknown, headers: Record<string, string>) {
  if (!(error instanceof AppError)) req.payload.logger.error({ msg: `community ${action} form failed`, err: error })
  const code = error instanceof AppError ? error.code : 'INTERNAL'
  const field = error instanceof AppError ? error.field : undefined
  return backToPage(req, { ok: false, action, id, error: code, field }, headers).catch(() => null)
}

function readerEndpoint(path: string, action: ReaderActionName, limit: LimitName, run: Run): Endpoint {
  return {
    path,
    method: 'post',
    handler: async (req) => {
      const headers: Record<string, string> = { 'cache-control': 'no-store' }
      const form = isFormPost(req.headers)
      const id = String(req.routeParams?.id ?? '')
      if (!checkCsrf({ method: 'POST', headers: req.headers }, allowedOrigins(req), { evenWithoutCookies: form }).ok) return csrfRefusal(headers)
      try {
        await takeLimit(req.payload, limit, clientIp(req.headers))
        const reader = ensureMember(req.headers, req.url)
        if (reader.setCookie) {
          headers['set-cookie'] = reader.setCookie
          if (!form) throw new CommunityError('READER_REQUIRED', 403, READER_REQUIRED_MESSAGE)
        }
        const { status, body, code } = await run(req, id, reader.readerKey)
        const back = form ? await backToPage(req, { ok: true, action, id, code }, headers) : null
        return back ?? Response.json(body, { status, headers })
      } catch (error) {
        const back = form ? await formRefusal(req, action, id, error, headers) : null
        return back ?? errorResponse(error, { logger: req.payload.logger, logAs: `community ${path} failed`, headers })
      }
    },
  }
}

export const signUpEndpoint = readerEndpoint('/:id/signup', 'signup', 'signup', async (req, eventId, readerKey) => {
  const body = await optionalBody(req)
  const phone = text(body.phone, 20)
  if (phone && !/^[0-9+\- ]{5,20}$/.test(phone)) throw new CommunityError('INVALID', 400, '手机号格式不正确', 'phone')
  return { status: 201, body: await signUpForEvent(req.payload, { eventId, readerKey, name: text(body.name, 30), phone, now: now() }) }
})

export const claimEndpoint = readerEndpoint('/:id/claim', 'claim', 'claim', async (req, couponId, readerKey) => {
  const body = await claimCoupon(req.payload, { couponId, readerKey, now: now() })
  return { status: 201, body, code: body.claim.code }
})

export const joinEndpoint = readerEndpoint('/:id/join', 'join', 'join', async (req, communityId, readerKey) => ({
  status: 200,
  body: await joinCommunity(req.payload, { communityId, readerKey, source: 'joined' }),
}))
