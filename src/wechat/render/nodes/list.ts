import type { RenderChildren, RenderContext } from '../context'
import { childrenOf, type LexNode } from '../lexical'
import { styleAttr } from '../style'

const BULLETS = ['• ', '◦ ', '▪ ']

/**
 * Lists become flat, indented <section> rows with literal markers: the WeChat editor re-structures
 * ul/ol/li (extra bullets, nested lists capped or moved), while sections with text markers survive.
 * Lexical nests a list as a listitem whose children include a list.
 */
export function renderList(node: LexNode, ctx: RenderContext, path: string, renderChildren: RenderChildren, depth = 1): string {
  if (depth === 4) ctx.warn('列表嵌套超过 3 层，公众号中可能难以阅读')
  const listType = node.listType === 'number' || node.listType === 'check' ? node.listType : 'bullet'
  let counter = typeof node.start === 'number' && Number.isFinite(node.start) ? Math.floor(node.start) : 1
  const rows: string[] = []
  childrenOf(node).forEach((child, i) => {
    const item = child as LexNode
    const itemPath = `${path}.children[${i}]`
    const own: unknown[] = []
    const nested: LexNode[] = []
    for (const c of childrenOf(item)) {
      const cn = c as LexNode
      if (cn.type === 'list') nested.push(cn)
      else if (cn.type === 'paragraph') own.push(...childrenOf(cn))
      else own.push(c)
    }
    if (item.type !== 'listitem') own.splice(0, own.length, item)
    if (own.length || !nested.length) {
      const marker = listType === 'number' ? `${counter++}. ` : listType === 'check' ? (item.checked === true ? '☑ ' : '☐ ') : BULLETS[Math.min(depth, 3) - 1]!
      const indent = depth > 1 ? `${(Math.min(depth, 6) - 1) * 1.5}em` : undefined
      rows.push(
        `<section${styleAttr(ctx.s.listItem, { 'padding-left': indent })}><span${styleAttr(ctx.s.listMarker)}>${marker}</span>${renderChildren(own, ctx, itemPath)}</section>`,
      )
    }
    for (const list of nested) rows.push(renderList(list, ctx, itemPath, renderChildren, depth + 1))
  })
  return depth === 1 ? `<section${styleAttr(ctx.s.p)}>${rows.join('')}</section>` : rows.join('')
}
