import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'

/**
 * Upload cache: one row per (account scope, kind, content hash). A second publish of an unchanged article finds
 * every image here and uploads nothing. Written by src/publishing only (overrideAccess).
 */
export const WechatImages: CollectionConfig = {
  slug: 'wechat-images',
  labels: { singular: { en: 'Uploaded image', zh: '已上传图片' }, plural: { en: 'Uploaded images', zh: '已上传图片' } },
  admin: { hidden: ({ user }) => !user?.roles?.includes('admin'), group: { en: 'Settings', zh: '设置' }, defaultColumns: ['key', 'kind', 'url'] },
  access: { read: isAdmin, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'scope', type: 'text', required: true, index: true },
    { name: 'kind', type: 'select', required: true, options: ['body', 'material', 'cover'] },
    { name: 'hash', type: 'text', required: true },
    { name: 'url', type: 'text' },
    { name: 'mediaId', type: 'text' },
    { name: 'bytes', type: 'number' },
    { name: 'format', type: 'text' },
  ],
}
