// Test helpers for the community suites: reader requests carrying the visitor cookie, in-process GraphQL,
// and a two-brand world with a community, an event and a coupon per brand.
import config from '@payload-config'
import { GRAPHQL_POST, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import type { Community, CommunityEvent, Coupon } from '@/payload-types'
import { MEMBER_COOKIE, newMemberCookieValue } from '@/platform/reader'

import type { World } from '../helpers/fixtures'
import type { JsonBody } from '../helpers/rest'

const post = REST_POST(config)
const graphql = GRAPHQL_POST(config)

/** A reader = a browser with its own signed visitor cookie. */
export const newReader = () => `${MEMBER_COOKIE}=${newMemberCookieValue().value}`

export async function readerPost(path: string, cookie?: string, json?: unknown): Promise<{ status: number; body: JsonBody; setCookie: string | null }> {
  const headers = new Headers()
  if (cookie) headers.set('cookie', cookie)
  if (json !== undefined) headers.set('content-type', 'application/json')
  const request = new Request(`http://localhost/api${path}`, { method: 'POST', headers, body: json === undefined ? undefined : JSON.stringify(json) })
  const response = await post(request, { params: Promise.resolve({ slug: path.replace(/^\//, '').split('/') }) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined, setCookie: response.headers.get('set-cookie') }
}

/** A no-JavaScript form post of the community page: urlencoded, from `origin` when given; the answer is not followed. */
export async function formPost(
  path: string,
  { cookie, origin, fields = {} }: { cookie?: string; origin?: string; fields?: Record<string, string> } = {},
): Promise<{ status: number; location: string | null; setCookie: string | null; body: JsonBody }> {
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' })
  if (cookie) headers.set('cookie', cookie)
  if (origin) headers.set('origin', origin)
  const request = new Request(`http://localhost/api${path}`, { method: 'POST', headers, body: new URLSearchParams(fields).toString() })
  const response = await post(request, { params: Promise.resolve({ slug: path.replace(/^\//, '').split('/') }) })
  const text = await response.text()
  return {
    status: response.status,
    location: response.headers.get('location'),
    setCookie: response.headers.get('set-cookie'),
    body: text ? JSON.parse(text) : undefined,
  }
}

export async function gql(query: string, token?: string, variables?: Record<string, unknown>): Promise<{ status: number; body: JsonBody }> {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (token) headers.set('Authorization', `JWT ${token}`)
  const response = await graphql(new Request('http://localhost/api/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) }))
  return { status: response.status, body: await response.json() }
}

export const DAY = 24 * 3600_000

export type CommunityWorld = {
  communityA: Community
  draftCommunityA: Community
  communityB: Community
  eventA: CommunityEvent
  draftEventA: CommunityEvent
  eventB: CommunityEvent
  couponA: Coupon
  draftCouponA: Coupon
  couponB: Coupon
}

let n = 0

export async function makeCommunities(payload: Payload, w: World, now = new Date()): Promise<CommunityWorld> {
  const k = ++n
  const community = (brand: string, slug: string, status: 'draft' | 'published') =>
    payload.create({ collection: 'communities', data: { name: slug, slug: `${slug}-${k}`, brand, status } })
  const communityA = await community(w.brandA.id, 'club-a', 'published')
  const draftCommunityA = await community(w.brandA.id, 'club-a-draft', 'draft')
  const communityB = await community(w.brandB.id, 'club-b', 'published')
  const event = (c: Community, brand: string, title: string, status: 'draft' | 'published', capacity = 10) =>
    payload.create({
      collection: 'community-events',
      data: { title, community: c.id, brand, startsAt: new Date(now.getTime() + 7 * DAY).toISOString(), mode: 'offline', place: '杭州', capacity, status },
    })
  const coupon = (c: Community, brand: string, title: string, status: 'draft' | 'published') =>
    payload.create({
      collection: 'coupons',
      data: {
        title,
        community: c.id,
        brand,
        kind: 'fixed',
        amountOff: 1000,
        minSpend: 10000,
        validFrom: new Date(now.getTime() - DAY).toISOString(),
        validUntil: new Date(now.getTime() + 30 * DAY).toISOString(),
        totalQuantity: 100,
        perPersonLimit: 1,
        status,
      },
    })
  return {
    communityA,
    draftCommunityA,
    communityB,
    eventA: await event(communityA, w.brandA.id, '品鉴会 A', 'published'),
    draftEventA: await event(communityA, w.brandA.id, '草稿活动 A', 'draft'),
    eventB: await event(communityB, w.brandB.id, '品鉴会 B', 'published'),
    couponA: await coupon(communityA, w.brandA.id, '满100减10 A', 'published'),
    draftCouponA: await coupon(communityA, w.brandA.id, '草稿券 A', 'draft'),
    couponB: await coupon(communityB, w.brandB.id, '满100减10 B', 'published'),
  }
}
