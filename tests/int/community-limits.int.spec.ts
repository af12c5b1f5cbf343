// Event capacity, coupon claims and the member wall under concurrency: 200 readers at once never over-fill,
// never exceed a coupon's total or per-person limit, and never share a member number. The clock is pinned.
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { setClock } from '@/communities/clock'
import { quoteCouponClaim, releaseCouponClaim, useCouponClaim } from '@/communities/coupons/redeem'
import { counterKey, readCounter } from '@/db/counters'
import { MEMBER_COOKIE, readerKeyOf, verifyMemberCookie } from '@/platform/reader'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'
import { type CommunityWorld, DAY, makeCommunities, newReader, readerPost } from './communityHelpers'

let payload: Payload
let w: World
let c: CommunityWorld
const NOW = new Date('2026-11-20T08:00:00Z')

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  c = await makeCommunities(payload, w, NOW)
  setClock(NOW)
})
afterEach(() => setClock(NOW))
afterAll(async () => {
  setClock(null)
  await shutdown(payload)
})

const event = (capacity: number, startsInDays = 3) =>
  payload.create({
    collection: 'community-events',
    data: {
      title: `活动 ${capacity}`,
      community: c.communityA.id,
      brand: w.brandA.id,
      startsAt: new Date(NOW.getTime() + startsInDays * DAY).toISOString(),
      mode: 'online',
      capacity,
      status: 'published',
    },
  })
const coupon = (totalQuantity: number, perPersonLimit = 1, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'coupons',
    data: {
      title: '满100减10',
      community: c.communityA.id,
      brand: w.brandA.id,
      kind: 'fixed',
      amountOff: 1000,
      minSpend: 10000,
      validFrom: new Date(NOW.getTime() - DAY).toISOString(),
      validUntil: new Date(NOW.getTime() + 10 * DAY).toISOString(),
      totalQuantity,
      perPersonLimit,
      status: 'published',
      ...extra,
    },
  })
const rows = async (collection: 'event-signups' | 'coupon-claims', field: 'event' | 'coupon', id: string) =>
  (await payload.count({ collection, where: { [field]: { equals: id } }, overrideAccess: true })).totalDocs
const count = (results: { status: number }[], status: number) => results.filter((r) => r.status === status).length
const codes = (results: { status: number; body: { error: { code: string } } }[]) => results.filter((r) => r.status === 409).map((r) => r.body.error.code)

describe('event sign-up', () => {
  it('200 concurrent readers against 50 seats: exactly 50 get in', async () => {
    {
      const e = await event(50)
      const results = await Promise.all(Array.from({ length: 200 }, () => readerPost(`/community-events/${e.id}/signup`, newReader())))
      expect(count(results, 201)).toBe(50)
      expect(count(results, 409)).toBe(150)
      expect(new Set(codes(results))).toEqual(new Set(['FULL']))
      expect(await readCounter(payload, counterKey('event', e.id))).toEqual({ used: 50, max: 50 })
      expect(await rows('event-signups', 'event', e.id)).toBe(50)
      const fresh = await payload.findByID({ collection: 'community-events', id: e.id })
      expect(fresh.signedUp).toBe(50)
    }
  })

  it('one reader firing 200 requests at once gets one seat', async () => {
    const e = await event(100)
    const me = newReader()
    const results = await Promise.all(Array.from({ length: 200 }, () => readerPost(`/community-events/${e.id}/signup`, me)))
    expect(count(results, 201)).toBe(1)
    expect(new Set(codes(results))).toEqual(new Set(['ALREADY_SIGNED_UP']))
    expect(await readCounter(payload, counterKey('event', e.id))).toEqual({ used: 1, max: 100 })
    expect(await rows('event-signups', 'event', e.id)).toBe(1)
  })

  it('refuses a reader without a cookie (setting one), then returns seats left and keeps name and phone for the brand', async () => {
    const e = await event(3)
    const refused = await readerPost(`/community-events/${e.id}/signup`, undefined, { name: '王小明', phone: '13800000000' })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('READER_REQUIRED')
    expect(refused.setCookie).toMatch(new RegExp(`^${MEMBER_COOKIE}=[\\w-]+\\.[\\w-]+; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Lax`))
    expect(await readCounter(payload, counterKey('event', e.id))).toEqual({ used: 0, max: 3 })
    const value = refused.setCookie!.split(';')[0].split('=')[1]
    const first = await readerPost(`/community-events/${e.id}/signup`, `${MEMBER_COOKIE}=${value}`, { name: '王小明', phone: '13800000000' })
    expect(first.status).toBe(201)
    expect(first.body.seats).toEqual({ taken: 1, capacity: 3, left: 2 })
    const row = await payload.findByID({ collection: 'event-signups', id: first.body.signUp.id, overrideAccess: true })
    expect(row).toMatchObject({ name: '王小明', phone: '13800000000', reader: readerKeyOf(verifyMemberCookie(value)!) })
    expect(row.reader).not.toContain(value.split('.')[0]) // the cookie id itself is never stored
    const again = await readerPost(`/community-events/${e.id}/signup`, `${MEMBER_COOKIE}=${value}`)
    expect(again.body.error.code).toBe('ALREADY_SIGNED_UP')
    const forged = await readerPost(`/community-events/${e.id}/signup`, `${MEMBER_COOKIE}=${value.split('.')[0]}.forged`)
    expect(forged.status).toBe(403) // a forged cookie is nobody: refused, and given a cookie of its own
    expect(forged.setCookie).toBeTruthy()
    expect((await readerPost(`/community-events/${e.id}/signup`, newReader(), { phone: 'call me' })).status).toBe(400)
  })

  it('closes sign-up when the event starts (controllable clock)', async () => {
    const e = await event(10, 1)
    setClock(new Date(NOW.getTime() + DAY - 1000))
    expect((await readerPost(`/community-events/${e.id}/signup`, newReader())).status).toBe(201)
    setClock(new Date(NOW.getTime() + DAY))
    const late = await readerPost(`/community-events/${e.id}/signup`, newReader())
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('CLOSED')
  })

  it('an editor saving the event while readers sign up never writes back a stale count', async () => {
    const e = await event(5)
    const stale = await payload.findByID({ collection: 'community-events', id: e.id })
    for (let i = 0; i < 3; i++) await readerPost(`/community-events/${e.id}/signup`, newReader())
    await payload.update({ collection: 'community-events', id: e.id, data: { ...stale, title: '改了标题', signedUp: 0 } as never })
    expect(await readCounter(payload, counterKey('event', e.id))).toEqual({ used: 3, max: 5 })
    const results = await Promise.all(Array.from({ length: 10 }, () => readerPost(`/community-events/${e.id}/signup`, newReader())))
    expect(count(results, 201)).toBe(2)
  })

  it('capacity can grow, but not below the seats taken', async () => {
    const e = await event(2)
    await readerPost(`/community-events/${e.id}/signup`, newReader())
    await readerPost(`/community-events/${e.id}/signup`, newReader())
    expect((await readerPost(`/community-events/${e.id}/signup`, newReader())).body.error.code).toBe('FULL')
    const token = await login(w.ownerA.email, w.password)
    expect((await rest('PATCH', `/community-events/${e.id}`, { token, json: { capacity: 1 } })).status).toBe(400)
    expect((await rest('PATCH', `/community-events/${e.id}`, { token, json: { capacity: 3 } })).status).toBe(200)
    expect((await readerPost(`/community-events/${e.id}/signup`, newReader())).status).toBe(201)
    expect((await readerPost(`/community-events/${e.id}/signup`, newReader())).body.error.code).toBe('FULL')
  })

  it('drafts, unknown ids and events of an unpublished community cannot be signed up to', async () => {
    expect((await readerPost(`/community-events/${c.draftEventA.id}/signup`, newReader())).status).toBe(404)
    expect((await readerPost('/community-events/not-an-id/signup', newReader())).status).toBe(404)
    const hidden = await payload.create({
      collection: 'community-events',
      data: {
        title: '隐藏',
        community: c.draftCommunityA.id,
        brand: w.brandA.id,
        startsAt: new Date(NOW.getTime() + DAY).toISOString(),
        mode: 'online',
        capacity: 5,
        status: 'published',
      },
    })
    expect((await readerPost(`/community-events/${hidden.id}/signup`, newReader())).status).toBe(404)
  })
})

describe('coupon claims', () => {
  it('200 concurrent readers against 50 coupons: exactly 50 claimed', async () => {
    {
      const cp = await coupon(50)
      const results = await Promise.all(Array.from({ length: 200 }, () => readerPost(`/coupons/${cp.id}/claim`, newReader())))
      expect(count(results, 201)).toBe(50)
      expect(new Set(codes(results))).toEqual(new Set(['SOLD_OUT']))
      expect(await readCounter(payload, counterKey('coupon', cp.id))).toEqual({ used: 50, max: 50 })
      expect(await rows('coupon-claims', 'coupon', cp.id)).toBe(50)
      const claimCodes = results.filter((r) => r.status === 201).map((r) => r.body.claim.code)
      expect(new Set(claimCodes).size).toBe(50)
    }
  })

  it('one reader firing 200 requests at once gets exactly the per-person limit (3), and others still can claim', async () => {
    const cp = await coupon(100, 3)
    const me = newReader()
    const results = await Promise.all(Array.from({ length: 200 }, () => readerPost(`/coupons/${cp.id}/claim`, me)))
    expect(count(results, 201)).toBe(3)
    expect(new Set(codes(results))).toEqual(new Set(['LIMIT_REACHED']))
    expect(await readCounter(payload, counterKey('coupon', cp.id))).toEqual({ used: 3, max: 100 })
    expect(await rows('coupon-claims', 'coupon', cp.id)).toBe(3)
    expect((await readerPost(`/coupons/${cp.id}/claim`, newReader())).status).toBe(201)
  })

  it('60 readers × 3 requests each against 70 coupons (limit 2): never over the total nor over 2 per reader', async () => {
    const cp = await coupon(70, 2)
    const readers = Array.from({ length: 60 }, newReader)
    const results = await Promise.all(readers.flatMap((r) => [0, 1, 2].map(() => readerPost(`/coupons/${cp.id}/claim`, r).then((res) => ({ ...res, r })))))
    expect(count(results, 201)).toBe(70)
    const perReader = new Map<string, number>()
    for (const res of results) if (res.status === 201) perReader.set(res.r, (perReader.get(res.r) ?? 0) + 1)
    expect(Math.max(...perReader.values())).toBeLessThanOrEqual(2)
    expect(await readCounter(payload, counterKey('coupon', cp.id))).toEqual({ used: 70, max: 70 })
    expect(await rows('coupon-claims', 'coupon', cp.id)).toBe(70)
  })

  it('can only be claimed inside its validity window (controllable clock)', async () => {
    const cp = await coupon(10, 1, { validFrom: new Date(NOW.getTime() + DAY).toISOString(), validUntil: new Date(NOW.getTime() + 2 * DAY).toISOString() })
    expect((await readerPost(`/coupons/${cp.id}/claim`, newReader())).body.error.code).toBe('NOT_STARTED')
    setClock(new Date(NOW.getTime() + DAY))
    expect((await readerPost(`/coupons/${cp.id}/claim`, newReader())).status).toBe(201)
    setClock(new Date(NOW.getTime() + 2 * DAY + 1))
    expect((await readerPost(`/coupons/${cp.id}/claim`, newReader())).body.error.code).toBe('EXPIRED')
  })

  it('drafts and unknown coupons cannot be claimed', async () => {
    expect((await readerPost(`/coupons/${c.draftCouponA.id}/claim`, newReader())).status).toBe(404)
    expect((await readerPost('/coupons/nope/claim', newReader())).status).toBe(404)
  })

  it('checkout contract: quote by code for the holder only, use once (one winner), release on cancel', async () => {
    const cp = await coupon(5)
    const me = newReader()
    const claimed = await readerPost(`/coupons/${cp.id}/claim`, me)
    const readerKey = readerKeyOf(verifyMemberCookie(me.split('=')[1])!)
    const code = claimed.body.claim.code
    const base = { codes: [code], readerKey, orderBrand: w.brandA.id, now: NOW }
    expect(await quoteCouponClaim(payload, { ...base, subtotal: 12900 })).toMatchObject({
      ok: true,
      discount: 1000,
      total: 11900,
      claimId: claimed.body.claim.id,
    })
    expect(await quoteCouponClaim(payload, { ...base, subtotal: 9900 })).toMatchObject({ ok: false, reason: 'MIN_SPEND_NOT_MET' })
    expect(await quoteCouponClaim(payload, { ...base, subtotal: 12900, orderBrand: w.brandB.id })).toMatchObject({ ok: false, reason: 'WRONG_BRAND' })
    expect(await quoteCouponClaim(payload, { ...base, subtotal: 12900, readerKey: 'someone-else' })).toMatchObject({ ok: false, reason: 'CLAIM_NOT_FOUND' })
    expect(await quoteCouponClaim(payload, { ...base, codes: [code, code], subtotal: 12900 })).toMatchObject({ ok: false, reason: 'ONE_COUPON_PER_ORDER' })
    expect(await quoteCouponClaim(payload, { ...base, subtotal: 12900, now: new Date(NOW.getTime() + 11 * DAY) })).toMatchObject({
      ok: false,
      reason: 'EXPIRED',
    })
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => useCouponClaim(payload, claimed.body.claim.id, `order-${i}`)))
    expect(wins.filter(Boolean)).toHaveLength(1)
    expect(await quoteCouponClaim(payload, { ...base, subtotal: 12900 })).toMatchObject({ ok: false, reason: 'CLAIM_USED' })
    const winner = `order-${wins.indexOf(true)}`
    expect(await releaseCouponClaim(payload, claimed.body.claim.id, 'some-other-order')).toBe(false)
    expect(await releaseCouponClaim(payload, claimed.body.claim.id, winner)).toBe(true)
    expect(await quoteCouponClaim(payload, { ...base, subtotal: 12900 })).toMatchObject({ ok: true })
  })
})

describe('member wall', () => {
  it('100 readers joining at once get 100 distinct numbers 1..100; joining again keeps the number', async () => {
    const club = await payload.create({ collection: 'communities', data: { name: '会员墙', slug: 'member-wall', brand: w.brandA.id, status: 'published' } })
    const readers = Array.from({ length: 100 }, newReader)
    const results = await Promise.all(readers.map((r) => readerPost(`/communities/${club.id}/join`, r)))
    expect(results.every((r) => r.status === 200 && r.body.member.isNew)).toBe(true)
    const numbers = results.map((r) => r.body.member.number).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    const again = await readerPost(`/communities/${club.id}/join`, readers[7])
    expect(again.body).toEqual({ member: { number: results[7].body.member.number, isNew: false }, memberCount: 100 })
    expect((await rest('GET', `/communities/${club.id}`)).body.memberCount).toBe(100)
    expect((await readerPost(`/communities/${c.draftCommunityA.id}/join`, newReader())).status).toBe(404)
  })
})
