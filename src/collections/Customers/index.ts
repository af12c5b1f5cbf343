import type { CollectionConfig } from 'payload'

import { brandCan } from '../../access/brandCan'
import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'

/**
 * Readers recognised through WeChat web OAuth (one document per account appId + openid). Written only by
 * src/wechat/identity; read by the brand that owns the Official Account. Snapshot (virtual) users are never stored.
 */
export const Customers: CollectionConfig = {
  slug: 'customers',
  labels: { singular: { en: 'Reader', zh: '读者' }, plural: { en: 'Readers', zh: '读者' } },
  admin: {
    useAsTitle: 'openid',
    defaultColumns: ['openid', 'nickname', 'unionid', 'firstSeenArticle', 'createdAt'],
    group: { en: 'Analytics', zh: '数据' },
  },
  access: { read: brandCan('commerce'), create: nobody, update: nobody, delete: isAdmin },
  indexes: [{ fields: ['appId', 'openid'], unique: true }],
  fields: [
    { name: 'openid', type: 'text', required: true, index: true, label: { en: 'openid', zh: 'openid' } },
    { name: 'appId', type: 'text', required: true, label: { en: 'AppID', zh: '公众号 AppID' } },
    { name: 'unionid', type: 'text', index: true, label: { en: 'unionid', zh: 'unionid' } },
    { name: 'scope', type: 'select', options: ['snsapi_base', 'snsapi_userinfo'], label: { en: 'Granted scope', zh: '授权范围' } },
    { name: 'nickname', type: 'text', label: { en: 'Nickname', zh: '昵称' } },
    { name: 'avatar', type: 'text', label: { en: 'Avatar URL', zh: '头像' } },
    { name: 'firstSeenArticle', type: 'relationship', relationTo: 'articles', label: { en: 'First seen on article', zh: '首次来源文章' } },
    { name: 'firstSeenPath', type: 'text', label: { en: 'First seen on page', zh: '首次访问页面' } },
    { name: 'lastSeenAt', type: 'date', label: { en: 'Last seen', zh: '最近访问' } },
    { name: 'account', type: 'relationship', relationTo: 'wechat-accounts', label: { en: 'Official Account', zh: '公众号' } },
    {
      name: 'brand',
      type: 'relationship',
      relationTo: 'brands',
      required: true,
      index: true,
      label: { en: 'Brand', zh: '品牌' },
      admin: { position: 'sidebar' },
    },
  ],
}
