import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'

/**
 * The funnel's daily and hourly aggregates (src/analytics/rollup.ts plans them, src/db/funnelRollups.ts writes
 * them in the same transaction as the raw events they count). Reports read only these, so their cost does not
 * grow with traffic. `grain` day: one row per brand × day × article × block × product × type; channel: per brand ×
 * day × article × type × channel (二维码, 分享…); hour: per brand × Beijing hour × article × type (the 推送后 48 小时
 * view). Missing dimensions are '' (ids) or -1 (block); block -2 rows carry only the article-wide unique visitors of
 * a step; one `meta` row remembers how far pruning reached. Rebuilt by `npm run funnel:rebuild`.
 */
export const FunnelRollups: CollectionConfig = {
  slug: 'funnel-rollups',
  labels: { singular: { en: 'Funnel rollup', zh: '漏斗汇总' }, plural: { en: 'Funnel rollups', zh: '漏斗汇总' } },
  admin: { hidden: true, useAsTitle: 'key' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  indexes: [{ fields: ['grain', 'brand', 'day'] }],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'grain', type: 'text', required: true },
    { name: 'brand', type: 'text', required: true },
    { name: 'day', type: 'text', required: true },
    /** The Beijing hour (YYYY-MM-DDTHH) for hour rows; the day for day rows. */
    { name: 'bucket', type: 'text', required: true },
    { name: 'article', type: 'text', required: true, defaultValue: '' },
    { name: 'block', type: 'number', required: true, defaultValue: -1 },
    { name: 'product', type: 'text', required: true, defaultValue: '' },
    { name: 'type', type: 'text', required: true },
    { name: 'channel', type: 'text', required: true, defaultValue: '' },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
    { name: 'visitors', type: 'number', required: true, defaultValue: 0 },
    /** Integer fen (paid / refunded). */
    { name: 'amount', type: 'number', required: true, defaultValue: 0 },
    { name: 'units', type: 'number', required: true, defaultValue: 0 },
  ],
}
