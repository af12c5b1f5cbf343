import { DRAFT_CONTENT_MAX_BYTES, DRAFT_CONTENT_MAX_CHARS, FORBIDDEN_TAGS, MAX_SAME_TAG_DEPTH, WECHAT_CLASS_PREFIXES } from './allowlist'
import { ancestors, describe, type Doc, isElement } from './dom'

export type Report = (id: string, message: string) => void

const FORBIDDEN = new Set<string>(FORBIDDEN_TAGS)
const isWechatNative = (name: string) => name.startsWith('mp-') || name === 'mpvoice' || name === 'qqmusic'

/** Cases 1, 2, 3, 25, 32, 36, 37, 39 and the nesting part of 40. */
export function checkDocument(doc: Doc, report: Report): void {
  for (const el of doc.elements) {
    if (FORBIDDEN.has(el.name)) report(el.name === 'input' ? '25' : '1', `forbidden element <${el.name}>`)
    if (el.attribs.id !== undefined) report('3', `id attribute on ${describe(el)}`)
    const cls = el.attribs.class
    if (cls !== undefined) {
      const native = isWechatNative(el.name) || ancestors(el).some((a) => isWechatNative(a.name))
      const known = cls
        .split(/\s+/)
        .filter(Boolean)
        .every((c) => WECHAT_CLASS_PREFIXES.some((p) => c.startsWith(p)))
      if (!native && !known) report('2', `class="${cls.slice(0, 40)}" on ${describe(el)} (styles must be inline)`)
    }
    for (const name of Object.keys(el.attribs)) {
      if (/^on/i.test(name)) report('1', `event handler ${name} on ${describe(el)}`)
      if (/^data-darkmode-.*-\d+$/.test(name)) report('36', `runtime dark-mode attribute ${name} on ${describe(el)}`)
    }
  }
  if (doc.comments.length) report('1', `${doc.comments.length} HTML comment(s)`)
  if (doc.root.children?.some((n) => n.type === 'directive')) report('1', 'doctype/directive in fragment')

  const top = doc.topLevelElements()
  if (top.length === 1) {
    const root = top[0]!
    for (const d of doc.style(root).decls) {
      if (/^padding/.test(d.prop) && !/^0(px)?(\s+0(px)?)*$/.test(d.value)) report('37', `root container has ${d.prop}`)
      if (/^background/.test(d.prop)) report('37', `root container has ${d.prop}`)
    }
    const kids = root.children.filter((n) => isElement(n) || (n.type === 'text' && n.data?.trim()))
    if (isElement(kids[0]) && kids[0].name === 'svg') report('32', 'first child of the root is an <svg>')
    const last = kids[kids.length - 1]
    if (isElement(last) && last.name === 'svg') report('32', 'last child of the root is an <svg>')
  }

  if (doc.html.length >= DRAFT_CONTENT_MAX_CHARS) report('39', `content is ${doc.html.length} characters (limit < ${DRAFT_CONTENT_MAX_CHARS})`)
  const bytes = new TextEncoder().encode(doc.html).length
  if (bytes >= DRAFT_CONTENT_MAX_BYTES) report('39', `content is ${bytes} bytes (limit < 1 MiB)`)

  for (const el of doc.elements) {
    if (el.children.some(isElement)) continue
    let same = 0
    for (const a of ancestors(el)) if (a.name === el.name) same++
    // Only leaves are measured; deepest chains are reported once per leaf tag.
    if (same + 1 >= MAX_SAME_TAG_DEPTH) report('40', `<${el.name}> nested ${same + 1} levels deep (limit < ${MAX_SAME_TAG_DEPTH})`)
  }
}
