import { isHexColor } from '../color'
import type { RenderChildren, RenderContext } from '../context'
import { childrenOf, type LexNode } from '../lexical'
import { styleAttr } from '../style'

const span = (v: unknown) => (typeof v === 'number' && v > 1 ? Math.min(Math.floor(v), 50) : 0)

/** Tables: scroll wrapper, inline borders, zebra rows baked per row; images are moved below (WeChat drops them in cells). */
export function renderTable(node: LexNode, ctx: RenderContext, path: string, renderChildren: RenderChildren): string {
  const outer = ctx.deferredImages
  const deferred: string[] = []
  ctx.deferredImages = deferred
  let bodyRow = 0
  const rows = childrenOf(node).map((r, ri) => {
    const row = r as LexNode
    const cells = childrenOf(row).map((c, ci) => {
      const cell = c as LexNode
      const header = typeof cell.headerState === 'number' && cell.headerState > 0
      const tag = header ? 'th' : 'td'
      const bg = isHexColor(cell.backgroundColor) ? { 'background-color': cell.backgroundColor } : undefined
      const cellPath = `${path}.children[${ri}].children[${ci}]`
      const paragraphs = childrenOf(cell).map((p, pi) => {
        const pn = p as LexNode
        const inner = pn.type === 'paragraph' ? renderChildren(pn.children, ctx, `${cellPath}.children[${pi}]`) : renderChildren([pn], ctx, cellPath)
        return `<p${styleAttr(ctx.s.cellP)}>${inner || '<br>'}</p>`
      })
      const attrs = (span(cell.colSpan) ? ` colspan="${span(cell.colSpan)}"` : '') + (span(cell.rowSpan) ? ` rowspan="${span(cell.rowSpan)}"` : '')
      return `<${tag}${attrs}${styleAttr(header ? ctx.s.th : ctx.s.td, bg)}>${paragraphs.join('')}</${tag}>`
    })
    const allHeader = childrenOf(row).every((c) => ((c as LexNode).headerState as number) > 0)
    const zebra = !allHeader && bodyRow++ % 2 === 1 ? { 'background-color': ctx.theme.zebra } : undefined
    return `<tr${styleAttr(zebra)}>${cells.join('')}</tr>`
  })
  ctx.deferredImages = outer
  if (deferred.length) ctx.warn('表格中的图片在公众号中会丢失，已移到表格下方')
  const table = `<section${styleAttr(ctx.s.tableWrap)}><table${styleAttr(ctx.s.table)}><tbody>${rows.join('')}</tbody></table></section>`
  if (outer) {
    outer.push(...deferred)
    return table
  }
  return table + deferred.join('')
}
