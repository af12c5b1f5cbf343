import { parseDocument } from 'htmlparser2'

import { type Declaration, parseStyle } from './css'

/** The slice of htmlparser2's DOM the checks use (declared here so the checker has no type-only dependencies). */
export interface DomNode {
  type: string
  name?: string
  data?: string
  attribs?: Record<string, string>
  children?: DomNode[]
  parent?: DomNode | null
}

export interface El extends DomNode {
  name: string
  attribs: Record<string, string>
  children: DomNode[]
}

export interface Violation {
  id: string
  message: string
}

/** Parsed fragment plus lookups shared by all rules. */
export class Doc {
  readonly root: DomNode
  /** Every element (including <script>/<style>, which htmlparser2 types separately), document order. */
  readonly elements: El[] = []
  readonly comments: DomNode[] = []
  private readonly styles = new Map<El, { decls: Declaration[]; error?: string }>()

  constructor(readonly html: string) {
    this.root = parseDocument(html, { lowerCaseAttributeNames: true, lowerCaseTags: true }) as unknown as DomNode
    const stack: DomNode[] = [...(this.root.children ?? [])].reverse()
    while (stack.length) {
      const node = stack.pop()!
      if (isElement(node)) this.elements.push(node)
      else if (node.type === 'comment') this.comments.push(node)
      if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
    }
  }

  style(el: El): { decls: Declaration[]; error?: string } {
    let parsed = this.styles.get(el)
    if (!parsed) {
      parsed = el.attribs.style === undefined ? { decls: [] } : parseStyle(el.attribs.style)
      this.styles.set(el, parsed)
    }
    return parsed
  }

  /** Last declared value of a property (lower-cased, `!important` stripped). */
  prop(el: El, name: string): string | undefined {
    const decls = this.style(el).decls
    for (let i = decls.length - 1; i >= 0; i--) if (decls[i]!.prop === name) return decls[i]!.value.toLowerCase()
    return undefined
  }

  topLevelElements(): El[] {
    return (this.root.children ?? []).filter(isElement)
  }
}

export function isElement(node: DomNode | undefined | null): node is El {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style') && typeof node.name === 'string'
}

export function textContent(node: DomNode): string {
  let out = ''
  const stack: DomNode[] = [node]
  while (stack.length) {
    const n = stack.pop()!
    if (n.type === 'text') out += n.data ?? ''
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
  }
  return out
}

export function ancestors(node: DomNode): El[] {
  const out: El[] = []
  for (let p = node.parent; p; p = p.parent) if (isElement(p)) out.push(p)
  return out
}

export function describe(el: El): string {
  const text = textContent(el).trim().slice(0, 24)
  return `<${el.name}>${text ? ` "${text}"` : ''}`
}
