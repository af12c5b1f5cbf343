// The editor's face of the block registry: each block's Payload config, for the Lexical BlocksFeature.
import type { Block } from 'payload'

import { CodeBlock } from './Code/config'
import { ProductCardBlock } from './ProductCard/config'
import { ProductGridBlock } from './ProductGrid/config'
import type { BlockSlug } from './registry'

export const blockConfigs: Record<BlockSlug, Block> = {
  productCard: ProductCardBlock,
  productGrid: ProductGridBlock,
  code: CodeBlock,
}

/** The blocks an article's editor offers, in the order of the registry. */
export const editorBlocks: Block[] = Object.values(blockConfigs)
