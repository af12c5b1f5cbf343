import type { CollectionConfig } from 'payload'

import { brandMember } from '../../access/brandMember'
import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'
import { countFollow } from './hooks/countFollow'

/**
 * Follow attribution (§1.9): one row per subscribe / SCAN callback of an Official Account, with the article or
 * community whose parameterised QR code was scanned. Written only by src/analytics/follow; read by the brand.
 */
export const Follows: CollectionConfig = {
  slug: 'follows',
  labels: { singular: { en: 'Follow', zh: '关注来源' }, plural: { en: 'Follows', zh: '关注来源' } },
  admin: {
    useAsTitle: 'openid',
    defaultColumns: ['event', 'openid', 'sceneKind', 'article', 'community', 'at'],
    group: { en: 'Analytics', zh: '数据' },
  },
  access: { read: brandMember, create: nobody, update: nobody, delete: isAdmin },
  timestamps: false,
  hooks: { afterChange: [countFollow] },
  fields: [
    { name: 'account', type: 'relationship', relationTo: 'wechat-accounts', required: true, index: true, label: { en: 'Official Account', zh: '公众号' } },
    { name: 'openid', type: 'text', required: true, index: true, label: { en: 'openid', zh: 'openid' } },
    {
      name: 'event',
      type: 'select',
      required: true,
      options: [
        { value: 'subscribe', label: { en: 'New follower', zh: '新关注' } },
        { value: 'scan', label: { en: 'Follower scanned', zh: '已关注扫码' } },
      ],
      label: { en: 'Event', zh: '事件' },
    },
    { name: 'scene', type: 'text', label: { en: 'QR scene', zh: '二维码场景值' } },
    {
      name: 'sceneKind',
      type: 'select',
      options: [
        { value: 'article', label: { en: 'Article', zh: '文章' } },
        { value: 'community', label: { en: 'Community', zh: '社区' } },
      ],
      label: { en: 'Source', zh: '来源类型' },
    },
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true, label: { en: 'Article', zh: '文章' } },
    { name: 'community', type: 'relationship', relationTo: 'communities', index: true, label: { en: 'Community', zh: '社区' } },
    { name: 'at', type: 'date', required: true, index: true, label: { en: 'At', zh: '时间' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'brand', type: 'relationship', relationTo: 'brands', required: true, index: true, label: { en: 'Brand', zh: '品牌' } },
    { name: 'dedupeKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
  ],
}
