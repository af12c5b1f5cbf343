import type { CollectionConfig } from 'payload'

import { brandMember } from '../../access/brandMember'
import { nobody } from '../../access/nobody'
import { brandField } from '../../fields/brand'

/** The member wall: a reader who joined (or bought, once checkout calls joinCommunity) gets a member number. */
export const CommunityMembers: CollectionConfig = {
  slug: 'community-members',
  labels: { singular: { en: 'Member', zh: '社区成员' }, plural: { en: 'Members', zh: '社区成员' } },
  admin: { useAsTitle: 'number', defaultColumns: ['number', 'community', 'source', 'createdAt'], group: { en: 'Community', zh: '社区' } },
  graphQL: { singularName: 'CommunityMember', pluralName: 'CommunityMembers' },
  access: { read: brandMember, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'community', type: 'relationship', relationTo: 'communities', required: true, index: true, label: { en: 'Community', zh: '社区' } },
    { name: 'number', type: 'number', required: true, label: { en: 'Member no.', zh: '会员编号' } },
    {
      name: 'source',
      type: 'select',
      required: true,
      defaultValue: 'joined',
      label: { en: 'Source', zh: '来源' },
      options: [
        { label: { en: 'Joined', zh: '加入' }, value: 'joined' },
        { label: { en: 'Bought', zh: '购买' }, value: 'bought' },
      ],
    },
    { name: 'reader', type: 'text', required: true, index: true, admin: { hidden: true } },
    { name: 'uniqueKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
    brandField(),
  ],
}
