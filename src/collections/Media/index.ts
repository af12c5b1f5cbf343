import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { brandCan } from '../../access/brandCan'
import { brandCanCreate } from '../../access/brandCanCreate'
import { brandField } from '../../fields/brand'
import { defaultBrandFromUser } from './hooks/defaultBrandFromUser'
import { rejectNonImages } from './hooks/rejectNonImages'

export const mediaDir = () => path.resolve(process.env.MEDIA_DIR || 'data/media')

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { en: 'Media', zh: '图片' }, plural: { en: 'Media', zh: '图片库' } },
  admin: { group: { en: 'Content', zh: '内容' }, defaultColumns: ['filename', 'alt', 'brand'] },
  access: { read: anyone, create: brandCanCreate('content'), update: brandCan('content'), delete: brandCan('content') },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 768, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'hero', width: 1440, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
  },
  fields: [
    { name: 'alt', type: 'text', required: true, label: { en: 'Alt text', zh: '图片说明' } },
    brandField({ required: false }),
  ],
  hooks: { beforeOperation: [rejectNonImages], beforeChange: [defaultBrandFromUser] },
}
