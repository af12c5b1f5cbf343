import type { Payload } from 'payload'

import { idOf } from '../access/roles'
import { counterKey, giveBackOne, readCounter, readerCounterKey, takeOne, takeOneUpTo } from '../db/counters'
import type { Community, CommunityEvent } from '../payload-types'
import { CommunityError, notFound } from './errors'
import { publicDoc } from './publicDoc'
import { isUniqueViolation } from './uniqueViolation'

export type SignUpInput = { eventId: string; readerKey: string; name?: string; phone?: string; now: Date }
export type SignUpResult = { signUp: { id: string }; seats: { taken: number; capacity: number; left: number } }

/**
 * One seat for one reader. First the reader's own counter (max 1) is taken, so one reader's burst of requests
 * can't hold seats others need; then the seat, with one atomic conditional update (never past capacity); then
 * the row, under a unique event:reader key as a second guard. Whatever fails gives back what was taken.
 */
export async function signUpForEvent(payload: Payload, input: SignUpInput): Promise<SignUpResult> {
  const event = await publicDoc<CommunityEvent>(payload, 'community-events', input.eventId, { community: true, brand: true, startsAt: true, capacity: true })
  if (!event) throw notFound('活动')
  const communityId = idOf(event.community) as string
  const community = await publicDoc<Community>(payload, 'communities', communityId, { status: true })
  if (!community) throw notFound('社区')
  if (new Date(event.startsAt).getTime() <= input.now.getTime()) throw new CommunityError('CLOSED', 409, '活动已开始，报名已截止')
  const uniqueKey = `${event.id}:${input.readerKey}`
  const mine = readerCounterKey('event', event.id, input.readerKey)
  if (!(await takeOneUpTo(payload, mine, 1))) throw new CommunityError('ALREADY_SIGNED_UP', 409, '你已经报名了这个活动')
  const key = counterKey('event', event.id)
  if (!(await takeOne(payload, key))) {
    await giveBackOne(payload, mine)
    throw new CommunityError('FULL', 409, '名额已满')
  }
  let id: string
  try {
    const row = await payload.create({
      collection: 'event-signups',
      data: {
        event: event.id,
        community: communityId,
        brand: idOf(event.brand) as string,
        reader: input.readerKey,
        uniqueKey,
        name: input.name,
        phone: input.phone,
      },
      overrideAccess: true,
      depth: 0,
    })
    id = row.id
  } catch (error) {
    await giveBackOne(payload, key)
    if (isUniqueViolation(error)) throw new CommunityError('ALREADY_SIGNED_UP', 409, '你已经报名了这个活动')
    await giveBackOne(payload, mine)
    throw error
  }
  const seats = await readCounter(payload, key)
  const taken = seats?.used ?? 0
  const capacity = seats?.max ?? event.capacity
  return { signUp: { id }, seats: { taken, capacity, left: Math.max(0, capacity - taken) } }
}
