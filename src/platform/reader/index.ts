// Who is reading: everything a request's cookies say about its reader. Three cookies, each with its own name,
// format, signing and lifetime (a contract: existing sessions keep working), read by one parser (./cookies.ts).
import { visitorHash, visitorIdFrom } from './funnelVisitor'
import { memberKeyFrom } from './member'
import { readerFromHeaders } from './wechatReader'

export type Reader = {
  /** Hashed funnel visitor (`tw_vid`), as funnel events and orders store it. */
  funnelVisitor?: string
  /** The community member's key (`tw_member`, verified): sign-ups, coupon claims and memberships are keyed by it. */
  readerKey?: string
  /** `customers` id of the WeChat reader recognised by OAuth (`tw_reader`, verified and unexpired). */
  customerId?: string
}

export function readerOf(request: { headers: Pick<Headers, 'get'> }, nowMs = Date.now()): Reader {
  const visitorId = visitorIdFrom(request.headers)
  return {
    funnelVisitor: visitorId ? visitorHash(visitorId) : undefined,
    readerKey: memberKeyFrom(request.headers),
    customerId: readerFromHeaders(request.headers, nowMs)?.customerId,
  }
}

export { FUNNEL_VISITOR_COOKIE, newVisitorId, visitorCookie, visitorHash, visitorIdFrom } from './funnelVisitor'
export { ensureMember, MEMBER_COOKIE, newMemberCookieValue, readerKeyOf, verifyMemberCookie } from './member'
export { READER_COOKIE, readerCookie, readerFromHeaders } from './wechatReader'
