// Reader endpoints of the community page, mounted on their collections:
//   POST /api/community-events/:id/signup   { name?, phone? } → 201 { signUp, seats } | 409 FULL/ALREADY_SIGNED_UP/CLOSED | 404
//   POST /api/coupons/:id/claim                               → 201 { claim, coupon } | 409 SOLD_OUT/LIMIT_REACHED/NOT_STARTED/EXPIRED | 404
//   POST /api/communities/:id/join                            → 200 { member: { number, isNew }, memberCount } | 404
//   all three: 403 READER_REQUIRED (no valid reader cookie; one is set) | 429 RATE_LIMITED
// The reader is the signed member cookie (`tw_member`, src/platform/reader/member.ts). A request without a valid
// one is refused with 403 READER_REQUIRED and a fresh cookie (Set-Cookie) to retry with, so per-reader limits
// never count "nobody".
// Each endpoint is also limited per client address (src/platform/limits).
import type { Endpoint, PayloadRequest } from 'payload'

import { errorResponse } from '@/platform/errors'
import { clientIp } from '@/platform/http/origin'
import { type LimitName, takeLimit } from '@/platform/limits'
import { ensureMember } from '@/platform/reader'

import { claimCoupon } from './claimCoupon'
import { now } from './clock'
import { CommunityError } from './errors'
import { joinCommunity } from './join'
import { signUpForEvent } from './signUp'

const MAX_BODY = 4 * 1024

async function optionalJson(req: PayloadRequest): Promise<Record<string, unknown>> {
  if (!(req.headers.get('content-type') ?? '').includes('application/json')) return {}
  const text = req.text ? await req.text() : ''
  if (!text) return {}
  if (text.length > MAX_BODY) throw new CommunityError('INVALID', 400, '请求内容过大 (body too large)')
  try {
    const body = JSON.parse(text)
    return body && typeof body === 'object' && !Array.isArray(body) ? body : {}
  } catch {
    throw new CommunityError('INVALID', 400, '请求内容不是有效的 JSON (invalid JSON)')
  }
}

const text = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined)

export const READER_REQUIRED_MESSAGE = '请刷新页面后再试一次 (reader cookie required: retry with the cookie just set)'

function readerEndpoint(
  path: string,
  limit: LimitName,
  run: (req: PayloadRequest, id: string, readerKey: string) => Promise<{ status: number; body: unknown }>,
): Endpoint {
  return {
    path,
    method: 'post',
    handler: async (req) => {
      const headers: Record<string, string> = { 'cache-control': 'no-store' }
      try {
        await takeLimit(req.payload, limit, clientIp(req.headers))
        const reader = ensureMember(req.headers, req.url)
        if (reader.setCookie) {
          headers['set-cookie'] = reader.setCookie
          throw new CommunityError('READER_REQUIRED', 403, READER_REQUIRED_MESSAGE)
        }
        const { status, body } = await run(req, String(req.routeParams?.id ?? ''), reader.readerKey)
        return Response.json(body, { status, headers })
      } catch (error) {
        return errorResponse(error, { logger: req.payload.logger, logAs: `community ${path} failed`, headers })
      }
    },
  }
}

export const signUpEndpoint = readerEndpoint('/:id/signup', 'signup', async (req, eventId, readerKey) => {
  const body = await optionalJson(req)
  const phone = text(body.phone, 20)
  if (phone && !/^[0-9+\- ]{5,20}$/.test(phone)) throw new CommunityError('INVALID', 400, '手机号格式不正确', 'phone')
  return { status: 201, body: await signUpForEvent(req.payload, { eventId, readerKey, name: text(body.name, 30), phone, now: now() }) }
})

export const claimEndpoint = readerEndpoint('/:id/claim', 'claim', async (req, couponId, readerKey) => ({
  status: 201,
  body: await claimCoupon(req.payload, { couponId, readerKey, now: now() }),
}))

export const joinEndpoint = readerEndpoint('/:id/join', 'join', async (req, communityId, readerKey) => ({
  status: 200,
  body: await joinCommunity(req.payload, { communityId, readerKey, source: 'joined' }),
}))
