import type { ElementStyles } from './elementStyles'
import { escapeHtml } from './escape'
import { styleAttr } from './style'

/** External links become numbered references: same URL → same number, listed once at the end. */
export class Footnotes {
  private readonly byUrl = new Map<string, number>()
  private readonly entries: { label: string; url: string }[] = []

  add(url: string, label: string): number {
    const known = this.byUrl.get(url)
    if (known) return known
    this.entries.push({ label, url })
    this.byUrl.set(url, this.entries.length)
    return this.entries.length
  }

  get size(): number {
    return this.entries.length
  }

  renderSection(s: ElementStyles): string {
    if (!this.entries.length) return ''
    const items = this.entries
      .map(({ label, url }, i) => {
        const text = label && label !== url ? `[${i + 1}] ${label}: ${url}` : `[${i + 1}] ${url}`
        return `<p${styleAttr(s.refItem)}>${escapeHtml(text)}</p>`
      })
      .join('')
    return `<section><p${styleAttr(s.refsTitle)}>引用链接</p>${items}</section>`
  }
}
