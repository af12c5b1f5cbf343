import { createHash, createHmac } from 'node:crypto'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { ensureMember, FUNNEL_VISITOR_COOKIE, MEMBER_COOKIE, READER_COOKIE, readerCookie, readerOf, visitorCookie, visitorHash } from '.'
import { readCookie } from './cookies'

const SECRET = 'reader-spec-secret'
const saved = { secret: process.env.PAYLOAD_SECRET, origin: process.env.NEXT_PUBLIC_SERVER_URL }
beforeEach(() => {
  process.env.PAYLOAD_SECRET = SECRET
  delete process.env.NEXT_PUBLIC_SERVER_URL
})
afterEach(() => {
  process.env.PAYLOAD_SECRET = saved.secret
  if (saved.origin === undefined) delete process.env.NEXT_PUBLIC_SERVER_URL
  else process.env.NEXT_PUBLIC_SERVER_URL = saved.origin
})

const cookieHeader = (...pairs: string[]) => new Headers({ cookie: pairs.join('; ') })

describe('the reader cookies (their names, formats and attributes are a contract)', () => {
  it('reads one cookie among others, URI-decoded', () => {
    const headers = cookieHeader('payload-lng=zh', 'a=%E6%8E%A8%E6%96%87', 'tw_vid=abc')
    expect(readCookie(headers, 'a')).toBe('推文')
    expect(readCookie(headers, 'tw_vid')).toBe('abc')
    expect(readCookie(headers, 'missing')).toBeUndefined()
    expect(readCookie(new Headers(), 'tw_vid')).toBeUndefined()
  })

  it('writes each cookie as before', () => {
    expect(visitorCookie('0123456789abcdef0123', false)).toBe('tw_vid=0123456789abcdef0123; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax')
    const member = ensureMember(new Headers({ host: 'localhost:3000' }), 'https://shop.example/api/communities/1/join').setCookie
    expect(member).toMatch(/^tw_member=[\w-]{22}\.[\w-]{43}; Path=\/; Max-Age=34560000; HttpOnly; SameSite=Lax; Secure$/)
    expect(readerCookie('c1', 1_000_000, false)).toMatch(/^tw_reader=c1\.2593000\.[\w-]{32}; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax$/)
  })

  it('knows everything the three cookies say about a reader, and nothing from forged ones', () => {
    const memberId = 'm3mb3r-id'
    const memberValue = `${memberId}.${createHmac('sha256', SECRET).update(`reader:${memberId}`).digest('base64url')}`
    const wechat = readerCookie('customer-7', Date.now(), false).split(';')[0]
    const headers = cookieHeader(`${FUNNEL_VISITOR_COOKIE}=visitor-0123456789ab`, `${MEMBER_COOKIE}=${memberValue}`, wechat)
    expect(readerOf({ headers })).toEqual({
      funnelVisitor: visitorHash('visitor-0123456789ab'),
      readerKey: createHash('sha256').update(`reader:${memberId}`).digest('hex'),
      customerId: 'customer-7',
    })
    expect(ensureMember(headers)).toEqual({ readerKey: readerOf({ headers }).readerKey })

    const forged = cookieHeader(
      `${FUNNEL_VISITOR_COOKIE}=short`,
      `${MEMBER_COOKIE}=${memberId}.forged`,
      `${READER_COOKIE}=customer-7.9999999999.${'A'.repeat(32)}`,
    )
    expect(readerOf({ headers: forged })).toEqual({ funnelVisitor: undefined, readerKey: undefined, customerId: undefined })
    expect(readerOf({ headers: cookieHeader(wechat) }, Date.now() + 31 * 86_400_000).customerId).toBeUndefined()
  })
})
