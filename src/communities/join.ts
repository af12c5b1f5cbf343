import type { Payload } from 'payload'

import { idOf } from '../access/roles'
import { counterKey, nextInSequence } from '../db/counters'
import type { Community, CommunityMember } from '../payload-types'
import { notFound } from './errors'
import { memberCount } from './members'
import { publicDoc } from './publicDoc'
import { isUniqueViolation } from './uniqueViolation'

export type JoinResult = { member: { number: number; isNew: boolean }; memberCount: number }

const existingMember = async (payload: Payload, uniqueKey: string) =>
  (await payload.find({ collection: 'community-members', where: { uniqueKey: { equals: uniqueKey } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as
    CommunityMember | undefined

/**
 * Joins a reader to a community's member wall (idempotent: joining twice returns the same number). Member
 * numbers come from an atomic sequence, so two readers never share one. Checkout should call this with
 * `source: 'bought'` once an order is paid (not wired yet).
 */
export async function joinCommunity(payload: Payload, input: { communityId: string; readerKey: string; source?: 'joined' | 'bought' }): Promise<JoinResult> {
  const community = await publicDoc<Community>(payload, 'communities', input.communityId, { brand: true })
  if (!community) throw notFound('社区')
  const uniqueKey = `${community.id}:${input.readerKey}`
  const key = counterKey('members', community.id)
  const count = () => memberCount(payload, community.id)
  const found = await existingMember(payload, uniqueKey)
  if (found) return { member: { number: found.number, isNew: false }, memberCount: await count() }
  const number = await nextInSequence(payload, key)
  try {
    await payload.create({
      collection: 'community-members',
      data: { community: community.id, brand: idOf(community.brand) as string, reader: input.readerKey, uniqueKey, number, source: input.source ?? 'joined' },
      overrideAccess: true,
      depth: 0,
    })
  } catch (error) {
    // The same reader joined twice at once: the other request won; that number stays unused.
    const winner = isUniqueViolation(error) ? await existingMember(payload, uniqueKey) : undefined
    if (!winner) throw error
    return { member: { number: winner.number, isNew: false }, memberCount: await count() }
  }
  return { member: { number, isNew: true }, memberCount: await count() }
}
