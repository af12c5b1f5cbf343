// The brand team's community numbers (GET /api/communities/:id/stats): counted from what readers did on the
// page, scoped to the community, and readable by its brand only.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'
import { type CommunityWorld, makeCommunities, newReader, readerPost } from './communityHelpers'

let payload: Payload
let w: World
let c: CommunityWorld

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  c = await makeCommunities(payload, w)
  // Three readers join A; two sign up for A's event; two claim A's coupon, one of which is used; one reader joins B.
  const readers = [newReader(), newReader(), newReader()]
  for (const r of readers) expect((await readerPost(`/communities/${c.communityA.id}/join`, r)).status).toBe(200)
  for (const r of readers.slice(0, 2)) expect((await readerPost(`/community-events/${c.eventA.id}/signup`, r, { name: '读者' })).status).toBeLessThan(300)
  const claims = []
  for (const r of readers.slice(0, 2)) claims.push((await readerPost(`/coupons/${c.couponA.id}/claim`, r)).body.claim.id as string)
  await payload.update({
    collection: 'coupon-claims',
    id: claims[0],
    data: { status: 'used', orderRef: 'TW1', usedAt: new Date().toISOString() },
    overrideAccess: true,
  })
  await readerPost(`/communities/${c.communityB.id}/join`, newReader())
  // Followers through A's community QR: two this month, one 40 days ago; an already-following scan is not new.
  const account = await payload.create({
    collection: 'wechat-accounts',
    data: { name: 'A 号', appId: 'wx00000000000c0a01', brand: w.brandA.id, accountType: 'service' },
  })
  let n = 0
  const follow = (event: 'subscribe' | 'scan', daysAgo = 0) =>
    payload.create({
      collection: 'follows',
      data: {
        account: account.id,
        openid: `o${++n}`,
        event,
        community: c.communityA.id,
        brand: w.brandA.id,
        dedupeKey: `cf${n}`,
        at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
      },
    })
  await follow('subscribe')
  await follow('subscribe', 3)
  await follow('subscribe', 40)
  await follow('scan')
})
afterAll(() => shutdown(payload))

describe('community numbers', () => {
  it("counts the community's members, sign-ups, coupons and new followers, and nothing of other communities", async () => {
    const res = await rest('GET', `/communities/${c.communityA.id}/stats`, { token: await login(w.ownerA.email, w.password) })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ members: 3, newMembers7d: 3, signups: 2, couponsClaimed: 2, couponsUsed: 1, follows30d: 2 })
    const b = await rest('GET', `/communities/${c.communityB.id}/stats`, { token: await login(w.editorB.email, w.password) })
    expect(b.body).toMatchObject({ members: 1, signups: 0, couponsClaimed: 0, follows30d: 0 })
  })
  it('every member of the brand may read them; another brand and anonymous callers may not', async () => {
    expect((await rest('GET', `/communities/${c.communityA.id}/stats`, { token: await login(w.operatorA.email, w.password) })).status).toBe(200)
    const theirs = await rest('GET', `/communities/${c.communityA.id}/stats`, { token: await login(w.editorB.email, w.password) })
    expect(theirs).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: '找不到该社区' } } })
    expect(await rest('GET', `/communities/${c.communityA.id}/stats`)).toMatchObject({
      status: 401,
      body: { error: { code: 'LOGIN_REQUIRED', message: '请先登录' } },
    })
  })
})
