import type { CollectionConfig } from 'payload'

import { brandTeam } from '../../access/brandTeam'
import { brandTeamCreate } from '../../access/brandTeamCreate'
import { publishedOrBrandMember } from '../../access/publishedOrBrandMember'
import { ownBrandsInAdmin } from '../../access/ownBrandsInAdmin'
import { brandField } from '../../fields/brand'
import { slugField } from '../../fields/slug'
import { statusField } from '../../fields/status'

/** A brand's fan-community page (粉丝社区). Pinned content, group QR codes, events and coupons come later. */
export const Communities: CollectionConfig = {
  slug: 'communities',
  labels: { singular: { en: 'Community', zh: '粉丝社区' }, plural: { en: 'Communities', zh: '粉丝社区' } },
  admin: { baseFilter: ownBrandsInAdmin, useAsTitle: 'name', defaultColumns: ['name', 'status', 'brand'], group: { en: 'Community', zh: '社区' } },
  access: {
    read: publishedOrBrandMember('status'),
    create: brandTeamCreate,
    update: brandTeam,
    delete: brandTeam,
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 40, label: { en: 'Name', zh: '社区名称' } },
    { name: 'intro', type: 'textarea', maxLength: 1000, label: { en: 'Introduction', zh: '简介' } },
    { name: 'cover', type: 'upload', relationTo: 'media', label: { en: 'Cover', zh: '封面' } },
    brandField(),
    slugField('c', 'name'),
    statusField,
  ],
}
