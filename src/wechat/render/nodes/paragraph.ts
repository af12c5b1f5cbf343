import type { RenderChildren, RenderContext } from '../context'
import { childrenOf, type LexNode } from '../lexical'
import { styleAttr, type StyleMap } from '../style'

// WeChat/iOS mishandle start/end; map them to physical sides.
const ALIGN: Record<string, string> = { left: 'left', start: 'left', center: 'center', right: 'right', end: 'right', justify: 'justify' }

export function blockFormat(node: LexNode): StyleMap {
  const align = typeof node.format === 'string' ? ALIGN[node.format] : undefined
  const indent = typeof node.indent === 'number' && node.indent > 0 ? Math.min(Math.floor(node.indent), 8) : 0
  return { 'text-align': align, 'padding-left': indent ? `${indent * 2}em` : undefined }
}

export function renderParagraph(node: LexNode, ctx: RenderContext, path: string, renderChildren: RenderChildren): string {
  const inner = renderChildren(node.children, ctx, path)
  return `<p${styleAttr(ctx.s.p, blockFormat(node))}>${inner || '<br>'}</p>`
}

export function renderHeading(node: LexNode, ctx: RenderContext, path: string, renderChildren: RenderChildren): string {
  const m = typeof node.tag === 'string' ? /^h([1-6])$/.exec(node.tag) : null
  const level = Math.min(m ? Number(m[1]) : 2, 4) as 1 | 2 | 3 | 4
  const tag = `h${level}` as const
  const decoration = ctx.theme.headingDecoration
  const underline = decoration === 'underline' && level <= 2 ? ctx.s.headingUnderline : undefined
  // The bar is a real text node: WeChat has no ::before.
  const bar = decoration === 'bar' && level <= 2 ? `<span${styleAttr(ctx.s.headingBar)}>▍</span>` : ''
  return `<${tag}${styleAttr(ctx.s[tag], underline, blockFormat(node))}>${bar}${renderChildren(node.children, ctx, path)}</${tag}>`
}

/** Quote children are inline runs (Lexical QuoteNode) or, from some importers, paragraphs; each becomes a styled <p>. */
export function renderQuote(node: LexNode, ctx: RenderContext, path: string, renderChildren: RenderChildren): string {
  const groups: unknown[][] = [[]]
  for (const child of childrenOf(node)) {
    const c = child as LexNode
    if (c.type === 'paragraph') groups.push(childrenOf(c), [])
    else groups[groups.length - 1]!.push(child)
  }
  const paragraphs = groups.filter((g) => g.length).map((g) => `<p${styleAttr(ctx.s.quoteP)}>${renderChildren(g, ctx, path) || '<br>'}</p>`)
  return `<blockquote${styleAttr(ctx.s.quote)}>${paragraphs.join('') || `<p${styleAttr(ctx.s.quoteP)}><br></p>`}</blockquote>`
}

export function renderHorizontalRule(ctx: RenderContext): string {
  return `<hr${styleAttr(ctx.s.hr)}>`
}
