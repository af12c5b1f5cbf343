import { blockOf } from '../../../blocks/registry'
import type { RenderContext } from '../context'
import { escapeText } from '../escape'
import { isRecord, type LexNode } from '../lexical'
import { placeholder } from '../placeholder'
import { renderLink } from './link'
import { renderList } from './list'
import { renderHeading, renderHorizontalRule, renderParagraph, renderQuote } from './paragraph'
import { renderTable } from './table'
import { renderText } from './text'
import { renderUpload } from './upload'

/** Renders sibling nodes. Input has passed validateEditorState, so depth is bounded and every node has a type. */
export function renderNodes(nodes: unknown, ctx: RenderContext, path: string): string {
  if (!Array.isArray(nodes)) return ''
  let out = ''
  for (let i = 0; i < nodes.length; i++) out += renderNode(nodes[i] as LexNode, ctx, `${path}.children[${i}]`)
  return out
}

function renderNode(node: LexNode, ctx: RenderContext, path: string): string {
  switch (node.type) {
    case 'text':
      return renderText(node, ctx)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return '\u00a0\u00a0\u00a0\u00a0'
    case 'paragraph':
      return renderParagraph(node, ctx, path, renderNodes)
    case 'heading':
      return renderHeading(node, ctx, path, renderNodes)
    case 'quote':
      return renderQuote(node, ctx, path, renderNodes)
    case 'horizontalrule':
      return renderHorizontalRule(ctx)
    case 'link':
    case 'autolink':
      return renderLink(node, ctx, path, renderNodes)
    case 'list':
      return renderList(node, ctx, path, renderNodes)
    case 'table':
      return renderTable(node, ctx, path, renderNodes)
    case 'upload':
      return renderUpload(node, ctx)
    case 'block': // the node types of isBlockNode (src/blocks/blockNodes.ts)
    case 'inlineBlock':
      return renderBlock(node, ctx, path)
    default:
      return renderUnknown(node, ctx, path)
  }
}

function renderBlock(node: LexNode, ctx: RenderContext, path: string): string {
  const fields = isRecord(node.fields) ? node.fields : {}
  const slug = typeof fields.blockType === 'string' ? fields.blockType : ''
  const convert = blockOf(slug)?.toWechat
  if (!convert) return placeholder(ctx, `[不支持的内容块：${slug.slice(0, 30) || '未知'}]`, `公众号渲染不支持内容块「${slug.slice(0, 30)}」`)
  return convert(fields, ctx, path)
}

/** Unknown node types keep their text (content is never silently lost) and produce one warning per type. */
function renderUnknown(node: LexNode, ctx: RenderContext, path: string): string {
  ctx.warn(`不支持的内容类型「${node.type.slice(0, 30)}」，已按纯文字输出`)
  const own = typeof node.text === 'string' ? escapeText(node.text) : ''
  return own + renderNodes(node.children, ctx, path)
}
