import type { TextField, Validate } from 'payload'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** ASCII slug from a title; Chinese titles have no ASCII letters, so they get a short random slug instead. */
export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
}

function randomSlug(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`
}

const validateSlug: Validate = (value) => {
  if (typeof value !== 'string' || !value) return '请填写链接标识 (slug is required)'
  if (!SLUG_PATTERN.test(value)) return '链接标识只能包含小写字母、数字和连字符 (lowercase letters, digits and hyphens only)'
  return true
}

/** A unique, URL-safe slug, filled from `title` (or `name`) when left empty. */
export function slugField(prefix: string, from: 'title' | 'name' = 'title'): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    label: { en: 'Slug', zh: '链接标识' },
    validate: validateSlug,
    admin: { position: 'sidebar', description: { en: 'Used in the page URL', zh: '用于页面网址，留空则自动生成' } },
    hooks: {
      beforeValidate: [
        ({ value, data }) => {
          if (typeof value === 'string' && value.trim()) return value.trim().toLowerCase()
          const source = typeof data?.[from] === 'string' ? slugify(data[from]) : ''
          return source || randomSlug(prefix)
        },
      ],
    },
  }
}
