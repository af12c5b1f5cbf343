import type { Payload, PayloadRequest } from 'payload'

/** How many readers are on a community's member wall. A hook passes its `req`, so the count runs in its transaction. */
export async function memberCount(payload: Payload, communityId: string, req?: PayloadRequest): Promise<number> {
  return (await payload.count({ collection: 'community-members', where: { community: { equals: communityId } }, overrideAccess: true, req })).totalDocs
}
