import { MAX_WIDTH_PX } from './allowlist'
import { lengthOf } from './css'
import type { Report } from './document'
import { describe, type Doc, isElement } from './dom'

/** Cases 17 (sources) and 18 (sizing). `api` mode requires mmbiz.qpic.cn sources. */
export function checkImages(doc: Doc, mode: 'api' | 'paste', report: Report): void {
  for (const el of doc.elements) {
    if (el.name !== 'img') continue
    const src = el.attribs.src ?? ''
    if (el.attribs.srcset !== undefined) report('17', 'img with srcset')
    if (/^data:/i.test(src)) report('17', 'img with a data: URI')
    else if (!/^https?:\/\//i.test(src)) report('17', `img src "${src.slice(0, 60)}" is not an absolute URL`)
    else if (mode === 'api' && !/^https:\/\/mmbiz\.qpic\.cn\//i.test(src)) report('17', `img src ${src.slice(0, 60)} is not on mmbiz.qpic.cn`)
    if (el.attribs.width !== undefined || el.attribs.height !== undefined) report('18', 'img with width/height attributes')
    const maxWidth = doc.prop(el, 'max-width')?.replace(/\s*!important$/, '')
    const width = lengthOf(doc.prop(el, 'width'))
    const bounded = maxWidth === '100%' || (width?.px !== undefined && width.px <= MAX_WIDTH_PX)
    if (!bounded) report('18', `img ${src.slice(0, 40)} needs max-width:100% (or px width ≤ ${MAX_WIDTH_PX})`)
    if (doc.prop(el, 'height') !== 'auto') report('18', `img ${src.slice(0, 40)} needs height:auto`)
    const parent = el.parent
    const inline = isElement(parent) && parent.children.some((n) => n.type === 'text' && n.data?.trim())
    if (!inline && doc.prop(el, 'display') !== 'block') report('18', `block img ${describe(el)} needs display:block`)
  }
}
