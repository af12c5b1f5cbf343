/** Builders for serialized Lexical nodes, shaped like Payload's richtext-lexical output. Test-only. */
type N = Record<string, unknown>

export const text = (value: string, format = 0): N => ({ type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 })
export const paragraph = (...children: N[]): N => ({ type: 'paragraph', children, format: '', indent: 0, direction: 'ltr', version: 1 })
export const heading = (tag: string, ...children: N[]): N => ({ type: 'heading', tag, children, format: '', indent: 0, version: 1 })
export const link = (url: string, ...children: N[]): N => ({ type: 'link', fields: { url, linkType: 'custom', newTab: false }, children, version: 3 })
export const autolink = (url: string): N => ({ type: 'autolink', fields: { url, linkType: 'custom' }, children: [text(url)], version: 2 })
export const listItem = (...children: N[]): N => ({ type: 'listitem', value: 1, children, version: 1 })
export const checkItem = (checked: boolean, ...children: N[]): N => ({ ...listItem(...children), checked })
export const list = (listType: 'bullet' | 'number' | 'check', ...items: N[]): N => ({
  type: 'list',
  listType,
  tag: listType === 'number' ? 'ol' : 'ul',
  start: 1,
  children: items,
  version: 1,
})
export const quote = (...children: N[]): N => ({ type: 'quote', children, version: 1 })
export const hr = (): N => ({ type: 'horizontalrule', version: 1 })
export const linebreak = (): N => ({ type: 'linebreak', version: 1 })
export const upload = (value: unknown, fields: N | null = null): N => ({ type: 'upload', relationTo: 'media', value, fields, version: 3 })
export const cell = (content: string | N[], headerState = 0): N => ({
  type: 'tablecell',
  headerState,
  colSpan: 1,
  rowSpan: 1,
  children: typeof content === 'string' ? [paragraph(text(content))] : [paragraph(...content)],
  version: 1,
})
export const row = (...cells: N[]): N => ({ type: 'tablerow', children: cells, version: 1 })
export const table = (...rows: N[]): N => ({ type: 'table', children: rows, version: 1 })
export const block = (blockType: string, fields: N = {}): N => ({ type: 'block', fields: { id: 'blk', blockName: '', blockType, ...fields }, version: 2 })

export const doc = (...children: N[]) => ({ root: { type: 'root', children, format: '', indent: 0, direction: 'ltr', version: 1 } })

export const BOLD = 1
export const ITALIC = 2
export const STRIKETHROUGH = 4
export const UNDERLINE = 8
export const CODE = 16
export const SUBSCRIPT = 32
export const SUPERSCRIPT = 64
