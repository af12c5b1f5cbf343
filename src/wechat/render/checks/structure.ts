import { lengthOf } from './css'
import type { Report } from './document'
import { ancestors, describe, type Doc, type DomNode, type El, isElement, textContent } from './dom'

/** Cases 21–27, 29, 30: code, lists, tables, quotes, scrollers, columns. */
export function checkStructure(doc: Doc, report: Report): void {
  for (const el of doc.elements) {
    const up = ancestors(el)
    switch (el.name) {
      case 'pre':
        checkPre(doc, el, report)
        break
      case 'code':
        if (!up.some((a) => a.name === 'pre')) {
          for (const p of ['font-size', 'color', 'padding']) if (!doc.prop(el, p)) report('22', `inline <code> without inline ${p}`)
          if (!doc.prop(el, 'background-color') && !doc.prop(el, 'background')) report('22', 'inline <code> without background')
        }
        break
      case 'ul':
      case 'ol': {
        if (up.some((a) => a.name === 'li')) report('23', `<${el.name}> nested inside <li>`)
        const depth = up.filter((a) => a.name === 'ul' || a.name === 'ol').length + 1
        if (depth > 2) report('23', `native list depth ${depth} > 2`)
        break
      }
      case 'li':
        checkListItem(el, report)
        break
      case 'table':
        checkTable(doc, el, report)
        break
      case 'th':
      case 'td':
        if (!doc.prop(el, 'border') && !doc.prop(el, 'border-bottom') && !doc.prop(el, 'border-top')) report('26', `<${el.name}> without inline border`)
        if (!doc.prop(el, 'padding')) report('26', `<${el.name}> without inline padding`)
        break
      case 'blockquote':
        checkQuoteBox(doc, el, report)
        for (const c of el.children) if (isElement(c) && c.name === 'p') checkQuoteBox(doc, c, report)
        break
    }
    if (el.attribs['data-block']?.startsWith('product')) checkProductCard(doc, el, report)
    const oy = doc.prop(el, 'overflow-y') ?? doc.prop(el, 'overflow')
    if ((oy === 'auto' || oy === 'scroll') && doc.prop(el, 'max-height')) report('29', `vertical scroller ${describe(el)} (WeChat flattens it)`)
    checkColumns(doc, el, report)
  }
}

function checkPre(doc: Doc, pre: El, report: Report): void {
  let lineStart = true
  const stack: DomNode[] = [...pre.children].reverse()
  while (stack.length) {
    const n = stack.pop()!
    if (n.type === 'text') {
      const data = n.data ?? ''
      if (data.includes('\n')) report('21', 'raw newline inside <pre> (use <br>)')
      if (lineStart && /^[ \t]/.test(data)) report('21', 'line starts with a plain space/tab inside <pre> (use &nbsp;)')
      if (data) lineStart = false
    } else if (isElement(n) && n.name === 'br') lineStart = true
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
  }
  const code = pre.children.find((c): c is El => isElement(c) && c.name === 'code')
  const target = code ?? pre
  const nowrap = doc.prop(target, 'display') === '-webkit-box' || doc.prop(target, 'white-space') === 'nowrap'
  const scroll = ['auto', 'scroll'].includes(doc.prop(target, 'overflow-x') ?? doc.prop(target, 'overflow') ?? '')
  if (!nowrap || !scroll) report('21', 'code needs display:-webkit-box (or white-space:nowrap) and overflow-x:auto')
}

function checkListItem(li: El, report: Report): void {
  const elements = li.children.filter(isElement)
  const text = li.children.some((n) => n.type === 'text' && n.data?.trim())
  if (elements.length !== 1 || text) report('24', `<li> content must be wrapped in one container (${describe(li)})`)
  if (/[\n\u200b-\u200d]/.test(textContent(li))) report('24', '<li> contains a newline or zero-width character')
}

function checkTable(doc: Doc, table: El, report: Report): void {
  const parent = table.parent
  const ox = isElement(parent) ? (doc.prop(parent, 'overflow-x') ?? doc.prop(parent, 'overflow')) : undefined
  if (!isElement(parent) || parent.name !== 'section' || (ox !== 'auto' && ox !== 'scroll')) {
    report('26', '<table> must be wrapped in a <section> with overflow-x:auto')
  }
  const stack: DomNode[] = [...table.children]
  while (stack.length) {
    const n = stack.pop()!
    if (isElement(n) && n.name === 'img') report('26', '<img> inside a table cell (WeChat drops it)')
    if (n.children) stack.push(...n.children)
  }
}

function checkQuoteBox(doc: Doc, el: El, report: Report): void {
  const has = (p: string) => doc.prop(el, p) ?? doc.prop(el, p.split('-')[0]!)
  if (!doc.prop(el, 'border-left') && !doc.prop(el, 'border')) report('27', `<${el.name}> in a quote without inline border-left`)
  for (const p of ['padding', 'color']) if (!has(p)) report('27', `<${el.name}> in a quote without inline ${p}`)
  if (!doc.prop(el, 'background-color') && !doc.prop(el, 'background')) report('27', `<${el.name}> in a quote without background-color`)
}

/** Case 30: percentage inline-block columns need font-size:0 on the parent, matching max-width !important, top alignment, room left. */
function checkColumns(doc: Doc, parent: El, report: Report): void {
  const cols = parent.children.filter(
    (c): c is El => isElement(c) && doc.prop(c, 'display') === 'inline-block' && lengthOf(doc.prop(c, 'width'))?.percent !== undefined,
  )
  if (cols.length < 2) return
  if (doc.prop(parent, 'font-size') !== '0' && doc.prop(parent, 'font-size') !== '0px') report('30', `columns parent ${describe(parent)} needs font-size:0`)
  if (parent.children.some((n) => n.type === 'text')) report('30', 'whitespace/text between columns')
  let total = 0
  for (const col of cols) {
    const width = lengthOf(doc.prop(col, 'width'))!.percent!
    const max = doc.style(col).decls.find((d) => d.prop === 'max-width')
    if (!max || !max.important || lengthOf(max.value)?.percent !== width) report('30', `column width ${width}% needs max-width:${width}% !important`)
    if (doc.prop(col, 'vertical-align') !== 'top') report('30', 'column needs vertical-align:top')
    total += width + (lengthOf(doc.prop(col, 'margin-left'))?.percent ?? 0) + (lengthOf(doc.prop(col, 'margin-right'))?.percent ?? 0)
  }
  if (total >= 100) report('30', `column widths and margins add up to ${total}% (must stay < 100%)`)
}

/** Case 16, for containers marked `data-block="product…"` by our renderer: solid background, live price, a WeChat-safe buy path. */
function checkProductCard(doc: Doc, card: El, report: Report): void {
  if (!doc.prop(card, 'background-color')) report('16', 'product card without a solid background-color')
  const inside = [card, ...doc.elements.filter((e) => ancestors(e).includes(card))]
  if (inside.some((e) => /url\(|gradient\(/.test(doc.prop(e, 'background-image') ?? doc.prop(e, 'background') ?? ''))) {
    report('16', 'product card text sits on a background-image')
  }
  const text = textContent(card)
  if (!/¥\d/.test(text) && !text.includes('[商品')) report('16', 'product card without a live-text price')
  const buy = inside.some((e) => e.name === 'img' || e.attribs['data-miniprogram-appid'] !== undefined) || text.includes('阅读原文')
  if (!buy) report('16', 'product card without a QR code, mini-program link or 阅读原文 hint')
}
