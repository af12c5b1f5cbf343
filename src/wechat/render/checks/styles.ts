import { ALLOWED_CSS_PROPERTIES, ALLOWED_DISPLAY, ALLOWED_TEXT_ALIGN, FORBIDDEN_VALUE, MAX_WIDTH_PX, SYSTEM_FONTS } from './allowlist'
import { lengthOf, splitCommas } from './css'
import type { Report } from './document'
import { ancestors, describe, type Doc, type El } from './dom'

const POSITIONING = new Set(['position', 'top', 'left', 'right', 'bottom', 'z-index', 'inset'])
const hasDirectText = (el: El) => el.children.some((n) => n.type === 'text' && !!n.data?.trim())

/** Cases 4, 5, 6, 7, 28, 35 and the CSS parts of 40. */
export function checkStyles(doc: Doc, report: Report): void {
  for (const el of doc.elements) {
    checkBackground(doc, el, report)
    if (el.attribs.style === undefined) continue
    const { decls, error } = doc.style(el)
    if (error) report('6', `unparseable style on ${describe(el)}: ${error}`)
    for (const { prop, value } of decls) {
      const v = value.toLowerCase()
      if (prop.startsWith('--') || v.includes('var(')) report('4', `CSS variable in ${describe(el)}: ${prop}`)
      else if (POSITIONING.has(prop)) report('5', `${prop} on ${describe(el)} (use negative margins / transform)`)
      else if (prop === 'content' || v.includes('counter(')) report('28', `${prop}: ${value} relies on generated content`)
      else if (!ALLOWED_CSS_PROPERTIES.has(prop)) report('6', `property ${prop} not on the allow-list (${describe(el)})`)
      else if (FORBIDDEN_VALUE.test(value)) report('6', `value "${value.slice(0, 40)}" of ${prop} not allowed`)
      if (prop === 'display' && !ALLOWED_DISPLAY.has(v)) report('6', `display:${v} not allowed`)
      if (prop === 'text-align' && !ALLOWED_TEXT_ALIGN.has(v)) report(v === 'start' || v === 'end' ? '40' : '6', `text-align:${v}`)
      if (prop === 'font-family') checkFonts(value, report)
      if (prop === 'line-height' && /^0(px|em|%)?$/.test(v) && hasDirectText(el)) report('40', `line-height:0 on text ${describe(el)}`)
      if ((prop === 'width' || prop === 'min-width') && (lengthOf(v)?.px ?? 0) > MAX_WIDTH_PX) report('40', `${prop}:${v} wider than ${MAX_WIDTH_PX}px`)
    }
  }
}

function checkFonts(value: string, report: Report): void {
  for (const family of splitCommas(value)) {
    const quoted = /^'(.*)'$/.exec(family)
    const name = (quoted ? quoted[1]! : family).trim()
    if (family.startsWith('"')) report('7', `font ${family} must use single quotes`)
    else if (!quoted && /\s/.test(name)) report('7', `multi-word font ${family} must be single-quoted`)
    if (!SYSTEM_FONTS.has(name.toLowerCase())) report('7', `font ${name} is not a system font`)
  }
}

const backgroundImage = (doc: Doc, el: El) => {
  const bg = doc.prop(el, 'background-image') ?? doc.prop(el, 'background')
  return bg && /gradient\(|url\(/.test(bg) ? bg : undefined
}
const backgroundColor = (doc: Doc, el: El) => {
  const c = doc.prop(el, 'background-color')
  if (c) return c
  const bg = doc.prop(el, 'background')
  return bg && !/gradient\(|url\(/.test(bg) ? bg : undefined
}

/** Case 35: gradients need an opaque colour fallback; text must not sit on an image-only background. */
function checkBackground(doc: Doc, el: El, report: Report): void {
  const image = backgroundImage(doc, el)
  if (image?.includes('gradient(') && !backgroundColor(doc, el)) report('35', `gradient without background-color on ${describe(el)}`)
  if (!hasDirectText(el)) return
  for (const a of [el, ...ancestors(el)]) {
    if (backgroundColor(doc, a)) return
    if (backgroundImage(doc, a)) {
      report('35', `text ${describe(el)} sits on a background-image without a background-color`)
      return
    }
  }
}
