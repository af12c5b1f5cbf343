import { RenderInputError } from './errors'

/** A serialized Lexical node after the shape check: an object with a string `type`. */
export type LexNode = Record<string, unknown> & { type: string }

/** Deeper trees are refused: legit articles nest < 20 levels, and recursion must stay far from the stack limit. */
export const MAX_DEPTH = 100
export const MAX_NODES = 200_000

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function childrenOf(node: LexNode): unknown[] {
  return Array.isArray(node.children) ? node.children : []
}

/**
 * Checks the whole tree iteratively (no recursion, so hostile depth cannot overflow the stack) and returns the root.
 * After this, every node reachable through `children` is a LexNode and nesting is ≤ MAX_DEPTH.
 */
export function validateEditorState(content: unknown): LexNode {
  if (typeof content === 'string') {
    try {
      content = JSON.parse(content)
    } catch {
      throw new RenderInputError('content is a string but not valid JSON')
    }
  }
  if (!isRecord(content) || !isRecord(content.root)) {
    throw new RenderInputError('content must be a Lexical editor state: { root: { type: "root", children: [] } }')
  }
  const root = content.root
  if (root.type !== 'root' || !Array.isArray(root.children)) {
    throw new RenderInputError('content.root must have type "root" and a children array', 'content.root')
  }
  const stack: { node: unknown; depth: number; path: string }[] = [{ node: root, depth: 0, path: 'root' }]
  let count = 0
  while (stack.length) {
    const { node, depth, path } = stack.pop()!
    if (++count > MAX_NODES) throw new RenderInputError(`content has more than ${MAX_NODES} nodes`)
    if (!isRecord(node) || typeof node.type !== 'string' || !node.type) {
      throw new RenderInputError('every node must be an object with a string "type"', path)
    }
    if (node.children === undefined) continue
    if (!Array.isArray(node.children)) throw new RenderInputError('"children" must be an array', path)
    if (depth >= MAX_DEPTH) throw new RenderInputError(`content nests deeper than ${MAX_DEPTH} levels`, path)
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i], depth: depth + 1, path: `${path}.children[${i}]` })
    }
  }
  return root as LexNode
}

/** Visible text of a subtree (iterative). */
export function plainText(node: LexNode): string {
  let out = ''
  const stack: unknown[] = [node]
  while (stack.length) {
    const n = stack.pop()
    if (!isRecord(n)) continue
    if (typeof n.text === 'string' && n.type !== 'tab') out += n.text
    if (Array.isArray(n.children)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i])
  }
  return out
}
