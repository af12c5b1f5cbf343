// The numbers a brand team watches on its community: members (and how many joined lately), event sign-ups,
// coupons claimed and used, and new Official Account followers who came through the community's QR code.
import type { Payload, Where } from 'payload'

export type CommunityStats = {
  members: number
  newMembers7d: number
  signups: number
  couponsClaimed: number
  couponsUsed: number
  follows30d: number
}

const DAY = 86_400_000

export async function communityStats(payload: Payload, communityId: string, now: Date = new Date()): Promise<CommunityStats> {
  const of = (extra: Where[] = []): Where => ({ and: [{ community: { equals: communityId } }, ...extra] })
  const since = (days: number) => new Date(now.getTime() - days * DAY).toISOString()
  const count = async (collection: 'community-members' | 'event-signups' | 'coupon-claims' | 'follows', where: Where) =>
    (await payload.count({ collection, where, overrideAccess: true })).totalDocs
  const [members, newMembers7d, signups, couponsClaimed, couponsUsed, follows30d] = await Promise.all([
    count('community-members', of()),
    count('community-members', of([{ createdAt: { greater_than_equal: since(7) } }])),
    count('event-signups', of()),
    count('coupon-claims', of()),
    count('coupon-claims', of([{ status: { equals: 'used' } }])),
    count('follows', of([{ event: { equals: 'subscribe' } }, { at: { greater_than_equal: since(30) } }])),
  ])
  return { members, newMembers7d, signups, couponsClaimed, couponsUsed, follows30d }
}
