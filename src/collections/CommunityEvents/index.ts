import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { brandCanCreate } from '../../access/brandCanCreate'
import { publishedOrBrandMember } from '../../access/publishedOrBrandMember'
import { signUpEndpoint } from '../../communities/endpoints'
import { counterLimitHooks, usedCountField } from '../../communities/hooks/counterFields'
import { sameBrandRelations } from '../../communities/hooks/sameBrandRelations'
import { brandField } from '../../fields/brand'
import { statusField } from '../../fields/status'

/** A community event (活动): time, place or online, and a sign-up capacity that never over-fills. */
export const CommunityEvents: CollectionConfig = {
  slug: 'community-events',
  labels: { singular: { en: 'Event', zh: '社区活动' }, plural: { en: 'Events', zh: '社区活动' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'startsAt', 'capacity', 'signedUp', 'status', 'community'], group: { en: 'Community', zh: '社区' } },
  graphQL: { singularName: 'CommunityEvent', pluralName: 'CommunityEvents' },
  access: { read: publishedOrBrandMember('status'), create: brandCanCreate('content'), update: brandCan('content'), delete: brandCan('content') },
  endpoints: [signUpEndpoint],
  hooks: {
    beforeChange: [
      sameBrandRelations([
        { field: 'community', collection: 'communities' },
        { field: 'cover', collection: 'media', optionalBrand: true },
      ]),
      counterLimitHooks.beforeChange('event', 'capacity'),
    ],
    afterChange: [counterLimitHooks.afterChange('event', 'capacity')],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 40, label: { en: 'Title', zh: '活动名称' } },
    { name: 'community', type: 'relationship', relationTo: 'communities', required: true, index: true, label: { en: 'Community', zh: '所属社区' } },
    { name: 'cover', type: 'upload', relationTo: 'media', label: { en: 'Cover', zh: '封面' } },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          required: true,
          index: true,
          label: { en: 'Starts', zh: '开始时间' },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'endsAt',
          type: 'date',
          label: { en: 'Ends', zh: '结束时间' },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { data }: { data: Partial<{ startsAt: string }> }) =>
            !value || !data?.startsAt || new Date(value as string) > new Date(data.startsAt) ? true : '结束时间必须晚于开始时间 (must end after it starts)',
        },
      ],
    },
    {
      name: 'mode',
      type: 'select',
      required: true,
      defaultValue: 'offline',
      label: { en: 'Where', zh: '形式' },
      options: [
        { label: { en: 'In person', zh: '线下' }, value: 'offline' },
        { label: { en: 'Online', zh: '线上' }, value: 'online' },
      ],
    },
    {
      name: 'place',
      type: 'text',
      maxLength: 80,
      label: { en: 'Place or online room', zh: '地点 / 线上会议' },
      validate: (value: unknown, { data }: { data: Partial<{ mode: string }> }) =>
        data?.mode === 'online' || (typeof value === 'string' && value.trim()) ? true : '线下活动请填写地点 (in-person events need a place)',
    },
    { name: 'description', type: 'textarea', maxLength: 1000, label: { en: 'Description', zh: '活动介绍' } },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', required: true, min: 1, max: 100000, label: { en: 'Capacity', zh: '名额' } },
        usedCountField('event', 'signedUp', { en: 'Signed up', zh: '已报名' }),
      ],
    },
    brandField(),
    statusField,
  ],
}
