// Brand isolation for the community collections, over REST and GraphQL: brand A's team cannot list, read,
// create into, update or delete brand B's documents; relationships to another brand's documents are rejected;
// the public sees published communities, events and coupons only, and never sign-ups, claims or members.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'
import { type CommunityWorld, gql, makeCommunities, newReader, readerPost } from './communityHelpers'

let payload: Payload
let w: World
let c: CommunityWorld
const tokens: Record<string, string> = {}
const rows: Record<string, { a: string; b: string }> = {}

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  c = await makeCommunities(payload, w)
  for (const key of ['admin', 'editorA', 'ownerA', 'editorB'] as const) tokens[key] = await login(w[key].email, w.password)
  // one reader-made row of each kind per brand
  const reader = newReader()
  const signA = await readerPost(`/community-events/${c.eventA.id}/signup`, reader, { name: '甲', phone: '13800000001' })
  const signB = await readerPost(`/community-events/${c.eventB.id}/signup`, reader, { name: '乙', phone: '13800000002' })
  const claimA = await readerPost(`/coupons/${c.couponA.id}/claim`, reader)
  const claimB = await readerPost(`/coupons/${c.couponB.id}/claim`, reader)
  await readerPost(`/communities/${c.communityA.id}/join`, reader)
  await readerPost(`/communities/${c.communityB.id}/join`, reader)
  const member = async (community: string) =>
    (await payload.find({ collection: 'community-members', where: { community: { equals: community } }, overrideAccess: true })).docs[0].id
  rows['event-signups'] = { a: signA.body.signUp.id, b: signB.body.signUp.id }
  rows['coupon-claims'] = { a: claimA.body.claim.id, b: claimB.body.claim.id }
  rows['community-members'] = { a: await member(c.communityA.id), b: await member(c.communityB.id) }
  rows.communities = { a: c.communityA.id, b: c.communityB.id }
  rows['community-events'] = { a: c.eventA.id, b: c.eventB.id }
  rows.coupons = { a: c.couponA.id, b: c.couponB.id }
})
afterAll(() => shutdown(payload))

const ALL = ['communities', 'community-events', 'coupons', 'event-signups', 'coupon-claims', 'community-members'] as const
const READER_MADE = ['event-signups', 'coupon-claims', 'community-members'] as const
const ids = (res: { body: { docs: { id: string }[] } }) => res.body.docs.map((d) => d.id)

describe('REST: brand A team vs brand B documents', () => {
  for (const slug of ALL) {
    it(`${slug}: editor B's list holds none of brand A's non-public documents, and A's team sees its own`, async () => {
      const theirs = await rest('GET', `/${slug}?limit=200&depth=0&where[brand][equals]=${w.brandA.id}`, { token: tokens.editorB })
      const visible = ids(theirs)
      const drafts = [c.draftCommunityA.id, c.draftEventA.id, c.draftCouponA.id]
      for (const id of drafts) expect(visible).not.toContain(id)
      if ((READER_MADE as readonly string[]).includes(slug)) expect(visible).toEqual([])
      const mine = await rest('GET', `/${slug}?limit=200&depth=0`, { token: tokens.ownerA })
      expect(ids(mine)).toContain(rows[slug].a)
      expect(ids(mine)).not.toContain(rows[slug].b === rows[slug].a ? '' : (READER_MADE as readonly string[]).includes(slug) ? rows[slug].b : 'n/a')
    })
    it(`${slug}: editor B cannot update or delete brand A's document`, async () => {
      const id = rows[slug].a
      const patch = await rest('PATCH', `/${slug}/${id}`, { token: tokens.editorB, json: { name: 'x', title: 'x' } })
      expect([403, 404]).toContain(patch.status)
      const del = await rest('DELETE', `/${slug}/${id}`, { token: tokens.editorB })
      expect([403, 404]).toContain(del.status)
      expect(await payload.findByID({ collection: slug, id, overrideAccess: true, depth: 0 })).toBeTruthy()
    })
  }

  it('reader-made rows of brand A cannot be read by id by editor B', async () => {
    for (const slug of READER_MADE) expect((await rest('GET', `/${slug}/${rows[slug].a}`, { token: tokens.editorB })).status).toBe(404)
  })

  it("editor B cannot read brand A's draft community, event or coupon by id", async () => {
    expect((await rest('GET', `/communities/${c.draftCommunityA.id}`, { token: tokens.editorB })).status).toBe(404)
    expect((await rest('GET', `/community-events/${c.draftEventA.id}`, { token: tokens.editorB })).status).toBe(404)
    expect((await rest('GET', `/coupons/${c.draftCouponA.id}`, { token: tokens.editorB })).status).toBe(404)
  })

  it('editor B cannot create into brand A', async () => {
    const start = new Date(Date.now() + 86400_000).toISOString()
    const attempts = [
      rest('POST', '/communities', { token: tokens.editorB, json: { name: '越权', brand: w.brandA.id } }),
      rest('POST', '/community-events', {
        token: tokens.editorB,
        json: { title: '越权', community: c.communityA.id, brand: w.brandA.id, startsAt: start, mode: 'online', capacity: 5 },
      }),
      rest('POST', '/coupons', {
        token: tokens.editorB,
        json: {
          title: '越权',
          community: c.communityA.id,
          brand: w.brandA.id,
          kind: 'fixed',
          amountOff: 100,
          validFrom: start,
          validUntil: new Date(Date.now() + 9e8).toISOString(),
          totalQuantity: 5,
        },
      }),
    ]
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(400)
    expect((await payload.count({ collection: 'communities', where: { name: { equals: '越权' } } })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'community-events', where: { title: { equals: '越权' } } })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'coupons', where: { title: { equals: '越权' } } })).totalDocs).toBe(0)
  })

  it('nobody creates, edits or deletes sign-ups, claims or members through the API (not even admins); only the reader endpoints write them', async () => {
    for (const slug of READER_MADE) {
      for (const token of [tokens.editorA, tokens.admin, undefined]) {
        expect((await rest('POST', `/${slug}`, { token, json: { brand: w.brandA.id, reader: 'x', uniqueKey: `x-${slug}` } })).status).toBe(403)
        expect((await rest('PATCH', `/${slug}/${rows[slug].a}`, { token, json: { reader: 'y' } })).status).toBe(403)
        expect((await rest('DELETE', `/${slug}/${rows[slug].a}`, { token })).status).toBe(403)
      }
    }
  })
})

describe('cross-brand relationships are rejected', () => {
  it("an event or coupon of brand B cannot point at brand A's community (even for a user of both brands, i.e. admin)", async () => {
    const start = new Date(Date.now() + 86400_000).toISOString()
    const event = await rest('POST', '/community-events', {
      token: tokens.editorB,
      json: { title: '串台', community: c.communityA.id, brand: w.brandB.id, startsAt: start, mode: 'online', capacity: 5 },
    })
    expect(event.status).toBe(400)
    expect(JSON.stringify(event.body)).toMatch(/another brand|其他品牌/)
    const asAdmin = await rest('POST', '/coupons', {
      token: tokens.admin,
      json: {
        title: '串台',
        community: c.communityA.id,
        brand: w.brandB.id,
        kind: 'percent',
        percentOff: 10,
        validFrom: start,
        validUntil: new Date(Date.now() + 9e8).toISOString(),
        totalQuantity: 5,
      },
    })
    expect(asAdmin.status).toBe(400)
  })
  it("moving brand A's event to brand B is rejected because its community stays in A", async () => {
    const res = await rest('PATCH', `/community-events/${c.eventA.id}`, { token: tokens.admin, json: { brand: w.brandB.id } })
    expect(res.status).toBe(400)
  })
  it("a community cannot pin brand B's article or feature brand B's product", async () => {
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: 'B 的文章',
        brand: w.brandB.id,
        _status: 'published',
        content: {
          root: {
            type: 'root',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            children: [
              {
                type: 'paragraph',
                version: 1,
                direction: 'ltr',
                format: '',
                indent: 0,
                textFormat: 0,
                children: [{ type: 'text', text: '正文', version: 1, format: 0, detail: 0, mode: 'normal', style: '' }],
              },
            ],
          },
        },
      } as never,
    })
    expect((await rest('PATCH', `/communities/${c.communityA.id}`, { token: tokens.ownerA, json: { pinnedArticles: [article.id] } })).status).toBe(400)
    expect((await rest('PATCH', `/communities/${c.communityA.id}`, { token: tokens.ownerA, json: { featuredProducts: [w.productB.id] } })).status).toBe(400)
    const ok = await rest('PATCH', `/communities/${c.communityA.id}`, { token: tokens.ownerA, json: { featuredProducts: [w.productA.id] } })
    expect(ok.status).toBe(200)
  })
})

describe('public (anonymous)', () => {
  it('sees published communities, events and coupons of every brand, never drafts', async () => {
    for (const [slug, draft] of [
      ['communities', c.draftCommunityA.id],
      ['community-events', c.draftEventA.id],
      ['coupons', c.draftCouponA.id],
    ] as const) {
      const list = ids(await rest('GET', `/${slug}?limit=200&depth=0`))
      expect(list).toContain(rows[slug].a)
      expect(list).not.toContain(draft)
      expect((await rest('GET', `/${slug}/${draft}`)).status).toBe(404)
    }
  })
  it('never reads sign-ups, claims, members or counters', async () => {
    for (const slug of [...READER_MADE, 'community-counters']) expect((await rest('GET', `/${slug}`)).status).toBe(403)
  })
  it('cannot create, update or delete communities, events or coupons', async () => {
    for (const slug of ['communities', 'community-events', 'coupons'] as const) {
      expect((await rest('POST', `/${slug}`, { json: { title: 'x', name: 'x', brand: w.brandA.id } })).status).toBe(403)
      expect((await rest('PATCH', `/${slug}/${rows[slug].a}`, { json: { title: 'x', name: 'x' } })).status).toBe(403)
      expect((await rest('DELETE', `/${slug}/${rows[slug].a}`)).status).toBe(403)
    }
  })
})

describe('GraphQL', () => {
  const listQuery = `{
    Communities(limit: 100) { docs { id } }
    CommunityEvents(limit: 100) { docs { id } }
    Coupons(limit: 100) { docs { id } }
    EventSignups(limit: 100) { docs { id phone } }
    CouponClaims(limit: 100) { docs { id code } }
    CommunityMembers(limit: 100) { docs { id number } }
  }`
  const listIds = (data: Record<string, { docs: { id: string }[] } | null>, key: string) => (data[key]?.docs ?? []).map((d) => d.id)

  it("editor B's lists hold brand B's reader-made rows only and none of A's drafts", async () => {
    const { body } = await gql(listQuery, tokens.editorB)
    expect(listIds(body.data, 'EventSignups')).toEqual([rows['event-signups'].b])
    expect(listIds(body.data, 'CouponClaims')).toEqual([rows['coupon-claims'].b])
    expect(listIds(body.data, 'CommunityMembers')).toEqual([rows['community-members'].b])
    expect(listIds(body.data, 'Communities')).not.toContain(c.draftCommunityA.id)
    expect(listIds(body.data, 'CommunityEvents')).not.toContain(c.draftEventA.id)
    expect(listIds(body.data, 'Coupons')).not.toContain(c.draftCouponA.id)
  })
  it('the public gets published documents only and no reader data', async () => {
    const { body } = await gql(listQuery)
    expect(listIds(body.data, 'CommunityEvents')).toContain(c.eventA.id)
    expect(listIds(body.data, 'CommunityEvents')).not.toContain(c.draftEventA.id)
    expect(listIds(body.data, 'Coupons')).not.toContain(c.draftCouponA.id)
    expect(body.data.EventSignups).toBeNull()
    expect(JSON.stringify(body.errors)).toMatch(/not allowed|Forbidden/i)
  })
  it("editor B cannot read, update or delete brand A's documents by id", async () => {
    const read = await gql(`{ CommunityEvent(id: "${c.draftEventA.id}") { id } EventSignup(id: "${rows['event-signups'].a}") { id } }`, tokens.editorB)
    expect(read.body.data?.CommunityEvent ?? null).toBeNull()
    expect(read.body.data?.EventSignup ?? null).toBeNull()
    const update = await gql(`mutation { updateCommunityEvent(id: "${c.eventA.id}", data: { title: "改" }) { id } }`, tokens.editorB)
    expect(update.body.errors?.length).toBeGreaterThan(0)
    const remove = await gql(`mutation { deleteCoupon(id: "${c.couponA.id}") { id } }`, tokens.editorB)
    expect(remove.body.errors?.length).toBeGreaterThan(0)
    expect((await payload.findByID({ collection: 'community-events', id: c.eventA.id })).title).toBe('品鉴会 A')
    expect(await payload.findByID({ collection: 'coupons', id: c.couponA.id, overrideAccess: true })).toBeTruthy()
  })
  it('editor B cannot create into brand A over GraphQL', async () => {
    const res = await gql(`mutation { createCommunity(data: { name: "越权GQL", brand: "${w.brandA.id}" }) { id } }`, tokens.editorB)
    expect(res.body.errors?.length).toBeGreaterThan(0)
    expect((await payload.count({ collection: 'communities', where: { name: { equals: '越权GQL' } } })).totalDocs).toBe(0)
  })
})
