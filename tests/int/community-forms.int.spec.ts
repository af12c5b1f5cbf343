// The community page's no-JavaScript forms: urlencoded posts to the reader endpoints answer 303 back to /c/<slug>
// with the outcome in the query, succeed on a first visit (the cookie is set and used in the same request), refuse
// foreign pages, and leave the JSON contract of the fetch client as it was.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseOutcome } from '@/communities/outcome'
import { MEMBER_COOKIE, readerKeyOf, verifyMemberCookie } from '@/platform/reader'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { type CommunityWorld, formPost, makeCommunities, newReader, readerPost } from './communityHelpers'

let payload: Payload
let w: World
let c: CommunityWorld

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  c = await makeCommunities(payload, w)
})
afterAll(() => shutdown(payload))

/** The cookie pair a Set-Cookie header gives the browser, and the reader key it stands for. */
function cookieOf(setCookie: string | null) {
  const pair = setCookie?.split(';')[0] ?? ''
  const id = verifyMemberCookie(pair.slice(MEMBER_COOKIE.length + 1))
  return { pair, readerKey: id ? readerKeyOf(id) : undefined }
}

/** The page path and outcome a 303's Location names. */
function landing(location: string | null) {
  const url = new URL(location ?? '', 'http://localhost')
  return { path: url.pathname, hash: url.hash, outcome: parseOutcome(Object.fromEntries(url.searchParams)) }
}

const claims = async (coupon: string) =>
  (await payload.find({ collection: 'coupon-claims', where: { coupon: { equals: coupon } }, overrideAccess: true, depth: 0 })).docs

describe('a form post on the community page', () => {
  it('claims on the first visit: 303 back to /c/<slug> with the code, and the cookie it was claimed for', async () => {
    const coupon = await payload.create({
      collection: 'coupons',
      data: { ...couponData(), title: '表单券', perPersonLimit: 1 },
    })
    const res = await formPost(`/coupons/${coupon.id}/claim`)
    expect(res.status).toBe(303)
    const { path, hash, outcome } = landing(res.location)
    expect(path).toBe(`/c/${c.communityA.slug}`)
    expect(hash).toBe(`#coupon-${coupon.id}`)
    const { pair, readerKey } = cookieOf(res.setCookie)
    expect(readerKey).toBeDefined()
    const rows = await claims(coupon.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ reader: readerKey })
    expect(outcome).toEqual({ ok: true, action: 'claim', id: coupon.id, code: rows[0].code })

    // the same reader again: the per-reader limit, inline on the page, nothing claimed
    const again = await formPost(`/coupons/${coupon.id}/claim`, { cookie: pair })
    expect(again.status).toBe(303)
    expect(again.setCookie).toBeNull()
    expect(landing(again.location).outcome).toEqual({ ok: false, action: 'claim', id: coupon.id, error: 'LIMIT_REACHED', field: undefined })
    expect(await claims(coupon.id)).toHaveLength(1)
  })

  it('joins and signs up with name and phone from the form', async () => {
    const cookie = newReader()
    const joined = await formPost(`/communities/${c.communityA.id}/join`, { cookie, origin: 'http://localhost' })
    expect(joined.status).toBe(303)
    expect(landing(joined.location)).toMatchObject({ path: `/c/${c.communityA.slug}`, hash: '#join', outcome: { ok: true, action: 'join' } })

    const signed = await formPost(`/community-events/${c.eventA.id}/signup`, { cookie, fields: { name: ' 小明 ', phone: '138 0000 0000' } })
    expect(signed.status).toBe(303)
    expect(landing(signed.location)).toMatchObject({ path: `/c/${c.communityA.slug}`, hash: `#event-${c.eventA.id}`, outcome: { ok: true, action: 'signup' } })
    const { docs } = await payload.find({ collection: 'event-signups', where: { event: { equals: c.eventA.id } }, overrideAccess: true })
    expect(docs.map((d) => [d.name, d.phone])).toContainEqual(['小明', '138 0000 0000'])
  })

  it('an invalid phone comes back as an inline error, nobody signed up', async () => {
    const eventId = c.eventB.id
    const res = await formPost(`/community-events/${eventId}/signup`, { fields: { name: '小红', phone: 'call me' } })
    expect(res.status).toBe(303)
    expect(landing(res.location)).toEqual({
      path: `/c/${c.communityB.slug}`,
      hash: `#event-${eventId}`,
      outcome: { ok: false, action: 'signup', id: eventId, error: 'INVALID', field: 'phone' },
    })
    const { totalDocs } = await payload.count({ collection: 'event-signups', where: { event: { equals: eventId } }, overrideAccess: true })
    expect(totalDocs).toBe(0)
  })

  it('a body over 4 KB is refused inline', async () => {
    const res = await formPost(`/community-events/${c.eventB.id}/signup`, { fields: { name: 'x'.repeat(5000) } })
    expect(landing(res.location).outcome).toMatchObject({ ok: false, error: 'INVALID' })
  })

  it('is refused 403 from a foreign page, with or without a cookie, and claims nothing', async () => {
    const coupon = await payload.create({ collection: 'coupons', data: { ...couponData(), title: '跨站券' } })
    for (const cookie of [undefined, newReader()]) {
      const res = await formPost(`/coupons/${coupon.id}/claim`, { cookie, origin: 'https://evil.example' })
      expect(res.status).toBe(403)
      expect(res.location).toBeNull()
      expect(res.setCookie).toBeNull()
      expect(res.body.error).toMatchObject({ code: 'CSRF', message: expect.stringContaining('请求来源不受信任') })
    }
    expect(await claims(coupon.id)).toHaveLength(0)
  })

  it('of a document without a published page answers its JSON error (no redirect anywhere)', async () => {
    const res = await formPost(`/coupons/${c.draftCouponA.id}/claim`, { cookie: newReader() })
    expect(res.status).toBe(404)
    expect(res.location).toBeNull()
    expect(res.body.error.code).toBe('NOT_FOUND')
  })
})

describe('the JSON contract of the fetch client is unchanged', () => {
  it('403 READER_REQUIRED with a cookie to retry with, then 201 { claim, coupon }', async () => {
    const first = await readerPost(`/coupons/${c.couponA.id}/claim`)
    expect(first.status).toBe(403)
    expect(first.body.error.code).toBe('READER_REQUIRED')
    const { pair } = cookieOf(first.setCookie)
    const second = await readerPost(`/coupons/${c.couponA.id}/claim`, pair, {})
    expect(second.status).toBe(201)
    expect(second.body).toEqual({
      claim: { id: expect.any(String), code: expect.stringMatching(/^[A-Z0-9]{10}$/) },
      coupon: expect.objectContaining({ mine: 1 }),
    })
    const third = await readerPost(`/coupons/${c.couponA.id}/claim`, pair)
    expect(third.status).toBe(409)
    expect(third.body.error.code).toBe('LIMIT_REACHED')
  })

  it('sign-up validates the phone as before: 400 INVALID on field phone', async () => {
    const res = await readerPost(`/community-events/${c.eventA.id}/signup`, newReader(), { phone: 'x' })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'INVALID', field: 'phone' })
  })
})

function couponData() {
  const now = Date.now()
  return {
    title: '券',
    community: c.communityA.id,
    brand: w.brandA.id,
    kind: 'fixed' as const,
    amountOff: 1000,
    minSpend: 10000,
    validFrom: new Date(now - 86_400_000).toISOString(),
    validUntil: new Date(now + 30 * 86_400_000).toISOString(),
    totalQuantity: 100,
    perPersonLimit: 1,
    status: 'published' as const,
  }
}
