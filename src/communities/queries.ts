// Reads for the public community page. Documents are read as an anonymous visitor (overrideAccess: false), so
// access rules decide what is public; everything is filtered to the community's own brand and community.
import { headers } from 'next/headers'

import { idOf } from '../access/roles'
import { readCounters, readerCounterKey } from '../db/counters'
import type { Article, Community, CommunityEvent, Coupon, Product } from '../payload-types'
import { readerOf } from '../platform/reader'
import { publicPayload } from '../queries/publicPayload'
import { latestArticlesOfBrand, productsOfBrand } from '../queries/published'
import { now as clockNow } from './clock'
import { type GroupQrChoice, pickGroupQr } from './groupQr'

type GroupQr = NonNullable<Community['groupQrs']>[number]

export type CommunityPageData = {
  community: Community
  brandId: string
  pinned: Article[]
  latest: Article[]
  products: Product[]
  events: (CommunityEvent & { mine: boolean })[]
  /** `myCodes`: the codes this reader claimed, so they can be copied at checkout any time later. */
  coupons: (Coupon & { mine: number; myCodes: { code: string; used: boolean }[] })[]
  groupQr: GroupQrChoice<GroupQr>
  member: { number: number } | null
}

const isDoc = <T extends { id: string }>(value: unknown): value is T => Boolean(value && typeof value === 'object' && 'id' in value)

export async function communityPage(community: Community): Promise<CommunityPageData> {
  const payload = await publicPayload()
  const now = clockNow()
  const brandId = idOf(community.brand) as string
  const sameBrand = (d: { brand?: unknown }) => idOf(d.brand) === brandId
  const pinned = (community.pinnedArticles ?? []).filter(isDoc<Article>).filter((a) => a._status === 'published' && sameBrand(a))
  const featured = (community.featuredProducts ?? []).filter(isDoc<Product>).filter((p) => p.status === 'published' && sameBrand(p))
  const readerKey = readerOf({ headers: await headers() }).readerKey ?? null
  const [latest, fallbackProducts, events, coupons, member] = await Promise.all([
    latestArticlesOfBrand(brandId, 5 + pinned.length),
    featured.length ? Promise.resolve([]) : productsOfBrand(brandId, 4),
    payload.find({
      collection: 'community-events',
      where: { and: [{ community: { equals: community.id } }, { brand: { equals: brandId } }, { startsAt: { greater_than: now.toISOString() } }] },
      sort: 'startsAt',
      limit: 5,
      depth: 1,
      overrideAccess: false,
    }),
    payload.find({
      collection: 'coupons',
      where: { and: [{ community: { equals: community.id } }, { brand: { equals: brandId } }, { validUntil: { greater_than: now.toISOString() } }] },
      sort: 'validUntil',
      limit: 6,
      depth: 0,
      overrideAccess: false,
    }),
    readerKey
      ? payload.find({
          collection: 'community-members',
          where: { uniqueKey: { equals: `${community.id}:${readerKey}` } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
        })
      : Promise.resolve(null),
  ])
  const mineKeys = readerKey
    ? [...events.docs.map((e) => readerCounterKey('event', e.id, readerKey)), ...coupons.docs.map((c) => readerCounterKey('coupon', c.id, readerKey))]
    : []
  const [mine, myClaims] = await Promise.all([
    readCounters(payload, mineKeys),
    readerKey && coupons.docs.length
      ? payload.find({
          collection: 'coupon-claims',
          where: { and: [{ reader: { equals: readerKey } }, { coupon: { in: coupons.docs.map((c) => c.id) } }] },
          sort: 'createdAt',
          limit: 100,
          depth: 0,
          overrideAccess: true,
          select: { coupon: true, code: true, status: true },
        })
      : Promise.resolve(null),
  ])
  const codesOf = (couponId: string) =>
    (myClaims?.docs ?? []).filter((c) => idOf(c.coupon) === couponId).map((c) => ({ code: c.code, used: c.status === 'used' }))
  const used = (key: string) => mine.get(key)?.used ?? 0
  const pinnedIds = new Set(pinned.map((a) => a.id))
  return {
    community,
    brandId,
    pinned,
    latest: latest.filter((a) => !pinnedIds.has(a.id)).slice(0, 5),
    products: featured.length ? featured : fallbackProducts,
    events: events.docs.map((e) => ({ ...e, mine: readerKey ? used(readerCounterKey('event', e.id, readerKey)) > 0 : false })),
    coupons: coupons.docs.map((c) => ({ ...c, mine: readerKey ? used(readerCounterKey('coupon', c.id, readerKey)) : 0, myCodes: codesOf(c.id) })),
    groupQr: pickGroupQr(community.groupQrs ?? [], isDoc(community.adminContactQr), now),
    member: member?.docs[0] ? { number: member.docs[0].number } : null,
  }
}
