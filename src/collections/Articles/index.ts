import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { brandCanCreate } from '../../access/brandCanCreate'
import { brandMemberVersions } from '../../access/brandMemberVersions'
import { publishedOrBrandMember } from '../../access/publishedOrBrandMember'
import { brandField } from '../../fields/brand'
import { slugField } from '../../fields/slug'
import { wechatEndpoint } from './endpoints/wechat'
import { wechatPreviewEndpoint } from './endpoints/wechatPreview'
import { productsMatchBrand } from './hooks/productsMatchBrand'
import { publishingFields } from './publishingFields'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: { en: 'Article', zh: '文章' }, plural: { en: 'Articles', zh: '文章' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'author', '_status', 'brand', 'updatedAt'],
    group: { en: 'Content', zh: '内容' },
  },
  access: {
    read: publishedOrBrandMember('_status'),
    create: brandCanCreate('content'),
    update: brandCan('content'),
    delete: brandCan('content'),
    readVersions: brandMemberVersions,
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  endpoints: [wechatPreviewEndpoint, wechatEndpoint],
  hooks: { beforeValidate: [productsMatchBrand] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 64, label: { en: 'Title', zh: '标题' } },
    {
      type: 'row',
      fields: [
        {
          name: 'author',
          type: 'text',
          maxLength: 8,
          label: { en: 'Author', zh: '作者' },
          admin: { description: { en: 'WeChat shows at most 8 characters', zh: '公众号最多 8 个字' } },
        },
        { name: 'cover', type: 'upload', relationTo: 'media', label: { en: 'Cover', zh: '封面图' } },
      ],
    },
    {
      name: 'digest',
      type: 'textarea',
      maxLength: 120,
      label: { en: 'Digest', zh: '摘要' },
      admin: { description: { en: 'Shown in the share card; at most 120 characters', zh: '分享卡片中的摘要，最多 120 字' } },
    },
    { name: 'content', type: 'richText', required: true, label: { en: 'Content', zh: '正文' } },
    {
      name: 'wechatPreview',
      type: 'ui',
      label: { en: 'WeChat preview', zh: '公众号预览' },
      admin: { position: 'sidebar', components: { Field: '@/components/admin/WechatPreview#WechatPreview' } },
    },
    brandField(),
    slugField('a'),
    {
      name: 'scheduledAt',
      type: 'date',
      label: { en: 'Planned push time', zh: '计划推送时间' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    ...publishingFields,
  ],
}
