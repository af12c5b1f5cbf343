import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'

/**
 * Side effects waiting to leave a request (funnel events, notifications, page revalidation): written in the same
 * transaction as the change they follow (src/db/outbox.ts), processed in batches after commit and at boot by
 * src/platform/outbox. A row is done when `doneAt` is set; a crashed processor's lease (`claimedUntil`) runs out.
 */
export const Outbox: CollectionConfig = {
  slug: 'outbox',
  labels: { singular: { en: 'Outbox message', zh: '待处理事件' }, plural: { en: 'Outbox', zh: '待处理事件' } },
  admin: { hidden: true, useAsTitle: 'topic' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'topic', type: 'text', required: true, index: true },
    { name: 'data', type: 'json', required: true },
    { name: 'availableAt', type: 'date', required: true, index: true },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0 },
    { name: 'claimedUntil', type: 'date' },
    { name: 'doneAt', type: 'date', index: true },
    { name: 'lastError', type: 'text' },
  ],
}
