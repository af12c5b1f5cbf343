import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'

/**
 * "This page changed": written by the instance that revalidated a cached page (src/platform/pageSignals), read by
 * every other instance on the database, which then revalidates its own copy. Rows are pruned after a few minutes.
 */
export const PageSignals: CollectionConfig = {
  slug: 'page-signals',
  labels: { singular: { en: 'Page signal', zh: '页面刷新信号' }, plural: { en: 'Page signals', zh: '页面刷新信号' } },
  admin: { hidden: true, useAsTitle: 'path' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'path', type: 'text', required: true },
    /** The instance that sent it (it has revalidated its own copy already). */
    { name: 'sender', type: 'text', required: true },
  ],
}
