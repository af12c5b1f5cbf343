// The block nodes of a Lexical document, in document order — the one walk the renderer's block index, the web
// page's `b=` links, the funnel and the article loader all share.

/** A block node's `fields`: its slug in `blockType`, then whatever its config defines. */
export type BlockFields = Record<string, unknown> & { id?: unknown; blockType?: unknown }

type Node = { type?: unknown; fields?: unknown; children?: unknown }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A node the renderer dispatches to a block converter: Lexical's `block` and `inlineBlock`. */
export function isBlockNode(node: unknown): node is Node & { fields: BlockFields } {
  const type = (node as Node | null | undefined)?.type
  return (type === 'block' || type === 'inlineBlock') && isRecord((node as Node).fields)
}

/** Visits every node reachable through `children`, in document order (iterative: documents can be huge). */
export function eachNode(state: unknown, visit: (node: Record<string, unknown>) => void): void {
  const root = isRecord(state) ? state.root : undefined
  const stack: unknown[] = isRecord(root) && Array.isArray(root.children) ? [...root.children].reverse() : []
  while (stack.length) {
    const node = stack.pop()
    if (!isRecord(node)) continue
    visit(node)
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
}

/** The `fields` of every block node, in document order. */
export function blockFieldsOf(state: unknown): BlockFields[] {
  const out: BlockFields[] = []
  eachNode(state, (node) => {
    if (isBlockNode(node)) out.push(node.fields)
  })
  return out
}
