import type { CollectionConfig, Where } from 'payload'

import { brandCan } from '../../access/brandCan'
import { brandCanCreate } from '../../access/brandCanCreate'
import { publishedOrBrandMember } from '../../access/publishedOrBrandMember'
import { idOf } from '../../access/roles'
import { joinEndpoint } from '../../communities/endpoints'
import { sameBrandRelations } from '../../communities/hooks/sameBrandRelations'
import { memberCount } from '../../communities/members'
import { brandField } from '../../fields/brand'
import { slugField } from '../../fields/slug'
import { statusField } from '../../fields/status'
import { statsEndpoint } from './endpoints/stats'

const sameBrandOptions = ({ data }: { data?: Record<string, unknown> }): Where | true => {
  const brand = idOf(data?.brand)
  return brand ? { brand: { equals: brand } } : true
}

/** A brand's fan-community page (粉丝社区): story, pinned articles, featured products, group QR codes; events and coupons point here. */
export const Communities: CollectionConfig = {
  slug: 'communities',
  labels: { singular: { en: 'Community', zh: '粉丝社区' }, plural: { en: 'Communities', zh: '粉丝社区' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'status', 'brand'], group: { en: 'Community', zh: '社区' } },
  access: {
    read: publishedOrBrandMember('status'),
    create: brandCanCreate('content'),
    update: brandCan('content'),
    delete: brandCan('content'),
  },
  endpoints: [joinEndpoint, statsEndpoint],
  hooks: {
    beforeChange: [
      sameBrandRelations([
        { field: 'pinnedArticles', collection: 'articles' },
        { field: 'featuredProducts', collection: 'products' },
        { field: 'cover', collection: 'media', optionalBrand: true },
        { field: 'adminContactQr', collection: 'media', optionalBrand: true },
        { field: 'image', array: 'groupQrs', collection: 'media', optionalBrand: true },
      ]),
    ],
  },
  fields: [
    {
      name: 'numbers',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '@/components/admin/community/CommunityNumbers#CommunityNumbers' } },
    },
    { name: 'name', type: 'text', required: true, maxLength: 40, label: { en: 'Name', zh: '社区名称' } },
    { name: 'intro', type: 'textarea', maxLength: 1000, label: { en: 'Introduction', zh: '简介' } },
    { name: 'cover', type: 'upload', relationTo: 'media', label: { en: 'Cover', zh: '封面' } },
    { name: 'story', type: 'textarea', maxLength: 3000, label: { en: 'Brand story', zh: '品牌故事' } },
    {
      name: 'pinnedArticles',
      type: 'relationship',
      relationTo: 'articles',
      hasMany: true,
      maxRows: 3,
      filterOptions: sameBrandOptions,
      label: { en: 'Pinned articles', zh: '置顶文章' },
    },
    {
      name: 'featuredProducts',
      type: 'relationship',
      relationTo: 'products',
      hasMany: true,
      maxRows: 6,
      filterOptions: sameBrandOptions,
      label: { en: 'Featured products', zh: '精选商品' },
      admin: { description: { en: 'Empty: the newest products of the brand', zh: '留空则显示品牌最新商品' } },
    },
    {
      type: 'collapsible',
      label: { en: 'WeChat group', zh: '微信群' },
      fields: [
        {
          name: 'groupQrWarning',
          type: 'ui',
          admin: { components: { Field: '@/communities/admin/GroupQrWarning#GroupQrWarning' } },
        },
        {
          name: 'groupQrs',
          type: 'array',
          maxRows: 20,
          label: { en: 'Group QR codes', zh: '群二维码' },
          labels: { singular: { en: 'Group QR code', zh: '群二维码' }, plural: { en: 'Group QR codes', zh: '群二维码' } },
          admin: {
            description: {
              en: 'WeChat group QR codes expire after 7 days and stop working at 200 members. The page shows the newest usable one.',
              zh: '微信群二维码 7 天后过期，群满 200 人后无法扫码进群。社区页显示最新的可用二维码，都不可用时显示管理员联系二维码。',
            },
          },
          fields: [
            { name: 'image', type: 'upload', relationTo: 'media', required: true, label: { en: 'QR image', zh: '二维码图片' } },
            {
              type: 'row',
              fields: [
                { name: 'label', type: 'text', maxLength: 20, label: { en: 'Group name', zh: '群名称' } },
                {
                  name: 'expiresAt',
                  type: 'date',
                  required: true,
                  label: { en: 'Expires', zh: '过期时间' },
                  admin: { date: { pickerAppearance: 'dayAndTime' } },
                },
                { name: 'full', type: 'checkbox', defaultValue: false, label: { en: 'Group is full', zh: '群已满' } },
              ],
            },
          ],
        },
        {
          name: 'adminContactQr',
          type: 'upload',
          relationTo: 'media',
          label: { en: 'Admin contact QR', zh: '管理员联系二维码' },
          admin: { description: { en: 'Shown when no group QR is usable', zh: '没有可用的群二维码时显示' } },
        },
      ],
    },
    {
      name: 'memberCount',
      type: 'number',
      virtual: true,
      label: { en: 'Members', zh: '成员数' },
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
      hooks: {
        afterRead: [
          async ({ originalDoc, data, req }) => {
            const id = (originalDoc as { id?: string } | undefined)?.id ?? (data as { id?: string } | undefined)?.id
            return id ? memberCount(req.payload, String(id), req) : 0
          },
        ],
      },
    },
    brandField(),
    slugField('c', 'name'),
    statusField,
  ],
}
