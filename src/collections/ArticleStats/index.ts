import type { CollectionConfig } from 'payload'

import { brandMember } from '../../access/brandMember'
import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'

/**
 * WeChat's own article statistics (datacube getarticlesummary / getarticletotal), imported daily by the
 * wechatStats job. One row per account + msgid (`<msg_data_id>_<index>`) + kind + day; re-imports overwrite.
 */
export const ArticleStats: CollectionConfig = {
  slug: 'article-stats',
  labels: { singular: { en: 'WeChat article stat', zh: '公众号图文数据' }, plural: { en: 'WeChat article stats', zh: '公众号图文数据' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'day', 'readCount', 'shareCount', 'article'],
    group: { en: 'Analytics', zh: '数据' },
  },
  access: { read: brandMember, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { value: 'daily', label: { en: 'Daily (getarticlesummary)', zh: '每日（当日数据）' } },
        { value: 'total', label: { en: 'Cumulative (getarticletotal)', zh: '累计（自群发日起）' } },
      ],
      label: { en: 'Kind', zh: '类型' },
    },
    { name: 'day', type: 'text', required: true, index: true, label: { en: 'Stat day', zh: '统计日期' } },
    { name: 'refDate', type: 'text', label: { en: 'Sent on', zh: '群发日期' } },
    { name: 'msgid', type: 'text', required: true, index: true, label: { en: 'msgid', zh: 'msgid' } },
    { name: 'title', type: 'text', label: { en: 'Title', zh: '标题' } },
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true, label: { en: 'Article', zh: '文章' } },
    { name: 'account', type: 'relationship', relationTo: 'wechat-accounts', label: { en: 'Official Account', zh: '公众号' } },
    { name: 'readUser', type: 'number', label: { en: 'Readers', zh: '阅读人数' } },
    { name: 'readCount', type: 'number', label: { en: 'Reads', zh: '阅读次数' } },
    { name: 'oriReadCount', type: 'number', label: { en: 'Read-more reads', zh: '阅读原文次数' } },
    { name: 'shareUser', type: 'number', label: { en: 'Sharers', zh: '分享人数' } },
    { name: 'shareCount', type: 'number', label: { en: 'Shares', zh: '分享次数' } },
    { name: 'favCount', type: 'number', label: { en: 'Favourites', zh: '收藏次数' } },
    { name: 'targetUser', type: 'number', label: { en: 'Delivered to', zh: '送达人数' } },
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
