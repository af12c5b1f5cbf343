import type { Report } from './document'
import { ancestors, describe, type Doc, type El } from './dom'

const NAMED: Record<string, string> = { white: '#ffffff', black: '#000000', red: '#ff0000', gray: '#808080', grey: '#808080' }

/** #rgb, #rrggbb, rgb()/opaque rgba() and a few names → [r,g,b]; anything else undefined (not judged). */
export function parseColor(value: string | undefined): [number, number, number] | undefined {
  if (!value) return undefined
  const v = NAMED[value] ?? value
  let m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v)
  if (m) {
    const h = m[1]!.length === 3 ? m[1]!.replace(/./g, (c) => c + c) : m[1]!
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number]
  }
  m = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*(1|1\.0+)\s*)?\)$/i.exec(v)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined
}

function luminance([r, g, b]: [number, number, number]): number {
  const f = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
}

export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** Case 38, light-mode half: explicit text colours must reach 3:1 against the nearest background (white by default). */
export function checkContrast(doc: Doc, report: Report): void {
  for (const el of doc.elements) {
    if (!el.children.some((n) => n.type === 'text' && n.data?.trim())) continue
    const chain: El[] = [el, ...ancestors(el)]
    const colorEl = chain.find((a) => doc.prop(a, 'color'))
    if (!colorEl) continue
    const fg = parseColor(doc.prop(colorEl, 'color'))
    const bgEl = chain.find((a) => doc.prop(a, 'background-color'))
    const bg = bgEl ? parseColor(doc.prop(bgEl, 'background-color')) : ([255, 255, 255] as [number, number, number])
    if (!fg || !bg) continue
    const ratio = contrastRatio(fg, bg)
    if (ratio < 3) report('38', `text ${describe(el)} contrast ${ratio.toFixed(2)}:1 < 3:1`)
  }
}
