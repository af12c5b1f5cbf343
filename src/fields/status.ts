import type { SelectField } from 'payload'

/** draft/published for collections without Payload drafts; only published documents are public. */
export const statusField: SelectField = {
  name: 'status',
  type: 'select',
  required: true,
  defaultValue: 'draft',
  index: true,
  label: { en: 'Status', zh: '状态' },
  options: [
    { label: { en: 'Draft', zh: '草稿' }, value: 'draft' },
    { label: { en: 'Published', zh: '已发布' }, value: 'published' },
  ],
  admin: { position: 'sidebar' },
}
