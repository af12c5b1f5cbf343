import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'

/**
 * Abuse-limit counters (one row per key and fixed time window), written only by src/db/rateLimits.ts with one
 * atomic upsert each, so every app instance on the database counts against the same numbers.
 */
export const RateLimits: CollectionConfig = {
  slug: 'rate-limits',
  labels: { singular: { en: 'Rate limit', zh: '限流计数' }, plural: { en: 'Rate limits', zh: '限流计数' } },
  admin: { hidden: true, useAsTitle: 'key' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
