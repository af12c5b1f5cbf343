import type { Payload } from 'payload'

import { idOf } from '../access/roles'
import type { Community, CommunityEvent, Coupon } from '../payload-types'
import type { ReaderActionName } from './outcome'
import { publicDoc } from './publicDoc'

const SLUG_RE = /^[a-z0-9-]{1,96}$/

/**
 * The community page a form post on document `id` returns to, derived from the published documents (never from
 * the request, so there is no open redirect), or null when there is none to return to.
 */
export async function communityPathOf(payload: Payload, action: ReaderActionName, id: string): Promise<string | null> {
  let communityId: string | undefined = id
  if (action !== 'join') {
    const collection = action === 'claim' ? 'coupons' : 'community-events'
    const doc = await publicDoc<Coupon | CommunityEvent>(payload, collection, id, { community: true })
    communityId = doc ? (idOf(doc.community) as string | undefined) : undefined
  }
  const community = communityId ? await publicDoc<Community>(payload, 'communities', communityId, { slug: true }) : null
  return community?.slug && SLUG_RE.test(community.slug) ? `/c/${community.slug}` : null
}
