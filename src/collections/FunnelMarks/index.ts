import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'

/**
 * How often one visitor was counted in one day rollup row (`key` = the rollup key + the hashed visitor): the
 * first time makes them a unique visitor, and beyond MAX_COUNTED_PER_VISITOR (src/analytics/rollup.ts) a visitor's
 * further taps are not counted. Pruned with the raw events.
 */
export const FunnelMarks: CollectionConfig = {
  slug: 'funnel-marks',
  admin: { hidden: true, useAsTitle: 'key' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'day', type: 'text', required: true, index: true },
    { name: 'n', type: 'number', required: true, defaultValue: 0 },
  ],
}
