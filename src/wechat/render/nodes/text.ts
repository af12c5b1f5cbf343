import type { RenderContext } from '../context'
import { escapeText } from '../escape'
import type { LexNode } from '../lexical'
import { styleAttr } from '../style'

// Lexical TextNode format bitmask.
const BOLD = 1
const ITALIC = 2
const STRIKETHROUGH = 4
const UNDERLINE = 8
const CODE = 16
const SUBSCRIPT = 32
const SUPERSCRIPT = 64
const HIGHLIGHT = 128

/** A text run. Lexical's free-form `style` string is ignored on purpose: it is an injection channel. */
export function renderText(node: LexNode, ctx: RenderContext): string {
  if (typeof node.text !== 'string') return ''
  const format = typeof node.format === 'number' ? node.format : 0
  let html = escapeText(node.text)
  if (format & CODE) html = `<code${styleAttr(ctx.s.inlineCode)}>${html}</code>`
  if (format & SUBSCRIPT) html = `<sub>${html}</sub>`
  else if (format & SUPERSCRIPT) html = `<sup>${html}</sup>`
  if (format & HIGHLIGHT) html = `<span${styleAttr(ctx.s.highlight)}>${html}</span>`
  const decorations = [format & UNDERLINE ? 'underline' : '', format & STRIKETHROUGH ? 'line-through' : ''].filter(Boolean)
  if (decorations.length) html = `<span style="text-decoration:${decorations.join(' ')}">${html}</span>`
  if (format & ITALIC) html = `<em>${html}</em>`
  if (format & BOLD) html = `<strong${styleAttr(ctx.s.strong)}>${html}</strong>`
  return html
}
