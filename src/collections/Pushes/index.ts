import type { CollectionConfig, FilterOptions } from 'payload'

import { brandCan } from '../../access/brandCan'
import { brandCanCreate } from '../../access/brandCanCreate'
import { brandMember } from '../../access/brandMember'
import { idOf } from '../../access/roles'
import { brandField } from '../../fields/brand'
import { sendEndpoint } from '../../publishing/sendEndpoint'
import { PUSH_STATUSES } from '../../publishing/steps'
import { selectOptions } from '../../utilities/selectOptions'
import { defaultTitle } from './hooks/defaultTitle'
import { scheduleJob } from './hooks/scheduleJob'

const sameBrand: FilterOptions = ({ siblingData }) => {
  const brand = idOf((siblingData as { brand?: unknown } | undefined)?.brand)
  return brand ? { brand: { equals: brand } } : true
}

const readOnlySidebar = { readOnly: true, position: 'sidebar' as const }
/** Written by the publishing job only (overrideAccess): a stale admin form or a REST client cannot reset them. */
const systemOnly = { create: () => false, update: () => false }

/**
 * 推送: 1–8 articles in order (the first is the 头条) to one account = one draft in the draft box = one
 * publish or mass send. State is written by src/publishing only; editors compose and press the buttons.
 */
export const Pushes: CollectionConfig = {
  slug: 'pushes',
  labels: { singular: { en: 'Push', zh: '推送' }, plural: { en: 'Pushes', zh: '推送' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'account', 'status', 'scheduledAt', 'updatedAt'],
    group: { en: 'Content', zh: '内容' },
  },
  access: { read: brandMember, create: brandCanCreate('content'), update: brandCan('content'), delete: brandCan('content') },
  endpoints: [sendEndpoint],
  hooks: { beforeChange: [defaultTitle], afterChange: [scheduleJob] },
  fields: [
    {
      name: 'title',
      type: 'text',
      maxLength: 80,
      label: { en: 'Title', zh: '推送名称' },
      admin: { description: { zh: '留空则使用头条标题', en: 'Defaults to the first article title' } },
    },
    {
      name: 'account',
      type: 'relationship',
      relationTo: 'wechat-accounts',
      required: true,
      label: { en: 'Official Account', zh: '公众号' },
      filterOptions: sameBrand,
    },
    {
      name: 'articles',
      type: 'relationship',
      relationTo: 'articles',
      hasMany: true,
      required: true,
      minRows: 1,
      maxRows: 8,
      label: { en: 'Articles (first = headline)', zh: '文章（第一篇为头条，最多 8 篇）' },
      filterOptions: sameBrand,
    },
    {
      type: 'row',
      fields: [
        { name: 'scheduledAt', type: 'date', label: { en: 'Planned time', zh: '定时推送' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'scheduledAction',
          type: 'select',
          label: { en: 'At that time', zh: '届时执行' },
          defaultValue: 'massSend',
          options: [
            { label: { en: 'Mass send', zh: '群发' }, value: 'massSend' },
            { label: { en: 'Publish', zh: '发表' }, value: 'publish' },
            { label: { en: 'Draft only', zh: '仅存草稿箱' }, value: 'draft' },
          ],
        },
      ],
    },
    {
      name: 'publishing',
      type: 'ui',
      admin: { components: { Field: '@/components/admin/publishing/PushPanel#PushPanel' } },
    },
    {
      name: 'status',
      access: systemOnly,
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      label: { en: 'Status', zh: '状态' },
      options: selectOptions(PUSH_STATUSES),
      admin: readOnlySidebar,
    },
    { name: 'action', access: systemOnly, type: 'text', label: { en: 'Last action', zh: '最近操作' }, admin: { ...readOnlySidebar, hidden: true } },
    { name: 'steps', access: systemOnly, type: 'json', label: { en: 'Steps', zh: '步骤' }, admin: { hidden: true } },
    { name: 'mediaId', access: systemOnly, type: 'text', label: { en: 'Draft media_id', zh: '草稿 media_id' }, admin: readOnlySidebar },
    { name: 'draftArticles', access: systemOnly, type: 'json', admin: { hidden: true } },
    { name: 'publishId', access: systemOnly, type: 'text', index: true, label: { en: 'publish_id', zh: '发表任务 ID' }, admin: readOnlySidebar },
    { name: 'msgId', access: systemOnly, type: 'text', index: true, label: { en: 'Mass msg_id', zh: '群发消息 ID' }, admin: readOnlySidebar },
    { name: 'wechatArticleId', access: systemOnly, type: 'text', admin: { hidden: true } },
    { name: 'publishedUrls', access: systemOnly, type: 'json', label: { en: 'Published URLs', zh: '文章链接' }, admin: { hidden: true } },
    { name: 'lastError', access: systemOnly, type: 'textarea', label: { en: 'Last error', zh: '最近错误' }, admin: readOnlySidebar },
    { name: 'jobId', access: systemOnly, type: 'text', admin: { hidden: true } },
    { name: 'scheduledJobId', access: systemOnly, type: 'text', admin: { hidden: true } },
    { name: 'sentAt', access: systemOnly, type: 'date', label: { en: 'Sent at', zh: '群发时间' }, admin: readOnlySidebar },
    { name: 'publishedAt', access: systemOnly, type: 'date', label: { en: 'Published at', zh: '发表时间' }, admin: readOnlySidebar },
    brandField(),
  ],
}
