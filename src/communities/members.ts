import type { Payload } from 'payload'

/** How many readers are on a community's member wall. */
export async function memberCount(payload: Payload, communityId: string): Promise<number> {
  return (await payload.count({ collection: 'community-members', where: { community: { equals: communityId } }, overrideAccess: true })).totalDocs
}
