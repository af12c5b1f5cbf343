import { MAX_WIDTH_PX } from './allowlist'
import { lengthOf } from './css'
import type { Report } from './document'
import { ancestors, type Doc, isElement } from './dom'

const BANNED_SVG = new Set(['defs', 'style', 'use', 'marker', 'lineargradient', 'radialgradient', 'filter', 'clippath', 'mask', 'pattern', 'script'])
const ANIMATE_ATTRS = new Set([
  'x',
  'y',
  'width',
  'height',
  'cx',
  'cy',
  'opacity',
  'd',
  'points',
  'stroke-width',
  'stroke-linecap',
  'stroke-dashoffset',
  'fill',
])
const TRANSFORM_TYPES = new Set(['translate', 'scale', 'rotate', 'skewx', 'skewy'])

/** Cases 31, 33, 34 (we never emit SVG or math; these guard HTML from other sources). */
export function checkSvg(doc: Doc, report: Report): void {
  for (const el of doc.elements) {
    if (el.name === 'math' || el.name === 'annotation') report('34', `<${el.name}> (render math as SVG or image)`)
    const inSvg = ancestors(el).some((a) => a.name === 'svg')
    if (el.name !== 'svg' && !inSvg) continue
    if (BANNED_SVG.has(el.name)) report('31', `<${el.name}> inside svg`)
    for (const [name, value] of Object.entries(el.attribs)) {
      if (name === 'class' || name === 'href' || name === 'xlink:href' || name.startsWith('marker-')) report('31', `${name} attribute inside svg`)
      if (/url\(\s*#/i.test(value)) report('31', `url(#…) reference in ${name}`)
    }
    if (el.name === 'svg' && !inSvg) {
      const w = lengthOf(el.attribs.width)
      const h = lengthOf(el.attribs.height)
      if (w?.px === undefined || h?.px === undefined || w.px > MAX_WIDTH_PX) report('31', `svg needs explicit px width/height ≤ ${MAX_WIDTH_PX}`)
      if (!el.attribs.viewbox) report('31', 'svg without viewBox')
    }
    if (el.name === 'foreignobject' && el.children.some((c) => isElement(c) && c.name !== 'section')) report('31', '<foreignObject> may only contain <section>')
    const attr = (el.attribs.attributename ?? '').toLowerCase()
    if (el.name === 'animate' && !ANIMATE_ATTRS.has(attr)) report('33', `animate attributeName="${attr}" not whitelisted`)
    if (el.name === 'set' && attr !== 'visibility') report('33', `set attributeName="${attr}" not whitelisted`)
    if (el.name === 'animatetransform' && !TRANSFORM_TYPES.has((el.attribs.type ?? '').toLowerCase())) report('33', 'animateTransform type not whitelisted')
    const begin = el.attribs.begin ?? ''
    if (/touchstart/i.test(begin) && !/click/i.test(begin)) report('33', 'interactive animation must begin on click')
  }
}
