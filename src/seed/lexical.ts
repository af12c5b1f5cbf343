// Small builders for Lexical's serialized JSON, so seed articles read like the article they produce.
import crypto from 'node:crypto'

type Node = Record<string, unknown>

const element = (type: string, children: Node[], extra: Node = {}): Node => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const

export const text = (value: string, format = 0): Node => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const inline = (parts: (string | Node)[]) => parts.map((p) => (typeof p === 'string' ? text(p) : p))

export const paragraph = (...parts: (string | Node)[]) => element('paragraph', inline(parts), { textFormat: 0, textStyle: '' })
export const heading = (tag: 'h1' | 'h2' | 'h3' | 'h4', value: string) => element('heading', [text(value)], { tag })
export const quote = (...parts: (string | Node)[]) => element('quote', inline(parts))
export const link = (url: string, label: string) =>
  element('link', [text(label)], { version: 3, fields: { url, newTab: true, linkType: 'custom' }, id: crypto.randomUUID() })
export const horizontalRule = (): Node => ({ type: 'horizontalrule', version: 1 })

type Item = string | { text: string; children: Item[] }
export const list = (listType: 'bullet' | 'number', items: Item[]): Node =>
  element(
    'list',
    items.map((item, i) =>
      typeof item === 'string'
        ? element('listitem', [text(item)], { value: i + 1 })
        : element('listitem', [text(item.text), list(listType, item.children)], { value: i + 1 }),
    ),
    { listType, start: 1, tag: listType === 'number' ? 'ol' : 'ul' },
  )

export const upload = (mediaId: string): Node => ({
  type: 'upload',
  relationTo: 'media',
  value: mediaId,
  fields: {},
  format: '',
  version: 3,
  id: crypto.randomUUID(),
})

export const productCard = (productId: string, layout: 'large' | 'small' | 'text' = 'large', cta?: string, sku?: string): Node => ({
  type: 'block',
  version: 2,
  format: '',
  fields: {
    id: crypto.randomUUID().replace(/-/g, '').slice(0, 24),
    blockName: '',
    blockType: 'productCard',
    product: productId,
    layout,
    ...(cta ? { cta } : {}),
    ...(sku ? { sku } : {}),
  },
})

export const productGrid = (productIds: string[]): Node => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id: crypto.randomUUID().replace(/-/g, '').slice(0, 24), blockName: '', blockType: 'productGrid', products: productIds },
})

export const doc = (...children: Node[]) => ({ root: element('root', children) })
