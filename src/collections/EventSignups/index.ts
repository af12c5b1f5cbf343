import type { CollectionConfig } from 'payload'

import { brandMember } from '../../access/brandMember'
import { nobody } from '../../access/nobody'
import { brandField } from '../../fields/brand'

/** One reader's seat at an event. Written only by POST /api/community-events/:id/signup; brand teams read their own. */
export const EventSignups: CollectionConfig = {
  slug: 'event-signups',
  labels: { singular: { en: 'Sign-up', zh: '活动报名' }, plural: { en: 'Sign-ups', zh: '活动报名' } },
  admin: { useAsTitle: 'name', defaultColumns: ['event', 'name', 'phone', 'createdAt'], group: { en: 'Community', zh: '社区' } },
  graphQL: { singularName: 'EventSignup', pluralName: 'EventSignups' },
  access: { read: brandMember, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'event', type: 'relationship', relationTo: 'community-events', required: true, index: true, label: { en: 'Event', zh: '活动' } },
    { name: 'community', type: 'relationship', relationTo: 'communities', required: true, index: true, label: { en: 'Community', zh: '社区' } },
    { name: 'name', type: 'text', maxLength: 30, label: { en: 'Name', zh: '称呼' } },
    { name: 'phone', type: 'text', maxLength: 20, label: { en: 'Phone', zh: '手机号' } },
    { name: 'reader', type: 'text', required: true, index: true, admin: { hidden: true } },
    // event:reader: the database refuses a second seat for the same reader, even under concurrency.
    { name: 'uniqueKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
    brandField(),
  ],
}
