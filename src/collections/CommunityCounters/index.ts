import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'

/**
 * Seats taken, coupons claimed, member numbers: counters written only by src/db/counters.ts with atomic
 * conditional updates. Never edited through Payload, so an editor saving an event can't write back a stale count.
 */
export const CommunityCounters: CollectionConfig = {
  slug: 'community-counters',
  labels: { singular: { en: 'Counter', zh: '计数器' }, plural: { en: 'Counters', zh: '计数器' } },
  admin: { hidden: true, useAsTitle: 'key' },
  graphQL: { singularName: 'CommunityCounter', pluralName: 'CommunityCounters' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'used', type: 'number', required: true, defaultValue: 0 },
    { name: 'max', type: 'number', required: true, defaultValue: 0 },
  ],
}
