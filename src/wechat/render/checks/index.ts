import { checkContrast } from './contrast'
import { checkDocument, type Report } from './document'
import { Doc, type Violation } from './dom'
import { checkImages } from './images'
import { checkLinks } from './links'
import { checkStructure } from './structure'
import { checkStyles } from './styles'
import { checkSvg } from './svg'

export type { Violation } from './dom'

export interface CheckOptions {
  /** `api` (default): images must be on mmbiz.qpic.cn, as draft/add requires. `paste`: any absolute http(s) image. */
  mode?: 'api' | 'paste'
}

/**
 * Checks an article HTML fragment against docs/wechat-html.md §(f). `id` is the case number.
 * Case 16 applies to containers marked `data-block="product…"`. Not covered (not decidable from the HTML alone):
 * 15 (provenance of 小店 card DOM), 19/20 (upload manifest, cover), the dark-mode half of 38.
 */
export function checkWechatHtml(html: string, options: CheckOptions = {}): Violation[] {
  const violations: Violation[] = []
  const seen = new Set<string>()
  const report: Report = (id, message) => {
    const key = `${id}\u0000${message}`
    if (seen.has(key)) return
    seen.add(key)
    violations.push({ id, message })
  }
  const doc = new Doc(html)
  checkDocument(doc, report)
  checkStyles(doc, report)
  checkLinks(doc, report)
  checkImages(doc, options.mode ?? 'api', report)
  checkStructure(doc, report)
  checkSvg(doc, report)
  checkContrast(doc, report)
  return violations
}
