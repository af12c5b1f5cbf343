// The product blocks of an article in document order — the index the WeChat renderer, the web page's `b=` links
// and the funnel all count by.
import { idOf } from '@/utilities/idOf'

const PRODUCT_BLOCKS = new Set(['productCard', 'productGrid'])

export type ProductBlockRef = { id?: string; blockType: 'productCard' | 'productGrid'; products: string[] }

type Node = { type?: string; fields?: { id?: string; blockType?: string; product?: unknown; products?: unknown[] }; children?: unknown[] }

export function productBlocksOf(state: unknown): ProductBlockRef[] {
  const blocks: ProductBlockRef[] = []
  const root = (state as { root?: { children?: unknown[] } } | null | undefined)?.root
  const stack: unknown[] = [...(root?.children ?? [])].reverse()
  while (stack.length) {
    const node = stack.pop() as Node
    const type = node?.fields?.blockType
    if (node?.type === 'block' && type && PRODUCT_BLOCKS.has(type)) {
      const raw = type === 'productCard' ? [node.fields?.product] : (node.fields?.products ?? [])
      blocks.push({ id: node.fields?.id, blockType: type as ProductBlockRef['blockType'], products: raw.map((p) => idOf(p as never)).filter((p): p is string => typeof p === 'string') })
    }
    if (Array.isArray(node?.children)) stack.push(...[...node.children].reverse())
  }
  return blocks
}
