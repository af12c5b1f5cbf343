// The web page's face of the block registry: each block's React component. Every component gets the tap's
// attribution (article, product-block index, sharer); blocks that do not sell ignore it.
import type React from 'react'

import type { CodeBlock, ProductCardBlock, ProductGridBlock } from '@/payload-types'

import type { Attribution } from './attribution'
import { CodeComponent } from './Code/Component'
import { ProductCardComponent } from './ProductCard/Component'
import { ProductGridComponent } from './ProductGrid/Component'
import type { BlockSlug } from './registry'

export type WebBlockProps<Fields> = { fields: Fields; attribution: Attribution }

type WebBlocks = { [Slug in BlockSlug]: (props: WebBlockProps<never>) => React.ReactNode }

/** A component typed by its own fields, stored where fields arrive untyped from the Lexical node. */
const web = <Fields,>(component: (props: WebBlockProps<Fields>) => React.ReactNode) => component as (props: WebBlockProps<never>) => React.ReactNode

export const webBlocks: WebBlocks = {
  productCard: web<ProductCardBlock>(ProductCardComponent),
  productGrid: web<ProductGridBlock>(ProductGridComponent),
  code: web<CodeBlock>(CodeComponent),
}
