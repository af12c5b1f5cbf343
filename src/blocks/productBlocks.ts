// The product blocks of an article in document order — the one index the WeChat renderer, the web page's `b=` links
// and the funnel all count by.
import { idOf } from '@/utilities/idOf'

import { type BlockFields, blockFieldsOf } from './blockNodes'
import { blockOf, type BlockSlug } from './registry'

export type ProductBlockRef = { id?: string; blockType: BlockSlug; products: string[]; fields: BlockFields }

export function productBlocksOf(state: unknown): ProductBlockRef[] {
  return blockFieldsOf(state).flatMap((fields) => {
    const block = blockOf(fields.blockType)
    if (!block?.sells) return []
    const products = block
      .productsOf(fields)
      .map(idOf)
      .filter((p): p is string => typeof p === 'string')
    return [{ id: typeof fields.id === 'string' ? fields.id : undefined, blockType: fields.blockType as BlockSlug, products, fields }]
  })
}

/** Which product block a block's `fields` are (0-based), by the node itself, else by its block id. */
export type ProductBlockIndex = (fields: BlockFields) => number | undefined

export function productBlockIndexOf(state: unknown): ProductBlockIndex {
  const byNode = new Map<BlockFields, number>()
  const byId = new Map<string, number>()
  productBlocksOf(state).forEach((block, index) => {
    if (!byNode.has(block.fields)) byNode.set(block.fields, index)
    if (block.id && !byId.has(block.id)) byId.set(block.id, index)
  })
  return (fields) => byNode.get(fields) ?? (typeof fields.id === 'string' ? byId.get(fields.id) : undefined)
}
