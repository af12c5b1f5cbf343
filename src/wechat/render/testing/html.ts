import { DomUtils, parseDocument } from 'htmlparser2'

/** Parsed-HTML helpers for assertions (test-only): find elements by tag or predicate, read text and styles. */
export type Node = ReturnType<typeof parseDocument>['children'][number]
export type Element = Extract<Node, { attribs: Record<string, string> }>

export function parse(html: string) {
  const document = parseDocument(html)
  const all = (pred: (el: Element) => boolean): Element[] => DomUtils.findAll((el) => pred(el as unknown as Element), document.children) as unknown as Element[]
  return {
    document,
    all,
    tags: (name: string) => all((el) => el.name === name),
    text: () => DomUtils.textContent(document),
  }
}

export const textOf = (el: Element | Node) => DomUtils.textContent(el)

/** `style` attribute as a property map. */
export function styleOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {}
  for (const decl of (el.attribs.style ?? '').split(/;(?![^(]*\))/)) {
    const i = decl.indexOf(':')
    if (i > 0) out[decl.slice(0, i).trim()] = decl.slice(i + 1).trim()
  }
  return out
}
