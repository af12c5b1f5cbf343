import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import { CodeComponent } from '@/blocks/Code/Component'
import { ProductCardComponent } from '@/blocks/ProductCard/Component'
import { ProductGridComponent } from '@/blocks/ProductGrid/Component'
import type { CodeBlock, ProductCardBlock, ProductGridBlock } from '@/payload-types'

const PRODUCT_BLOCKS = new Set(['productCard', 'productGrid'])

/** Index of each product block in document order (as the WeChat renderer counts), so every tap carries `b=<index>`. */
function blockIndexes(state: SerializedEditorState): Map<string, number> {
  const indexes = new Map<string, number>()
  const stack: unknown[] = [...(state.root?.children ?? [])].reverse()
  while (stack.length) {
    const node = stack.pop() as { type?: string; fields?: { id?: string; blockType?: string }; children?: unknown[] }
    if (node?.type === 'block' && node.fields?.id && PRODUCT_BLOCKS.has(node.fields.blockType ?? '')) indexes.set(node.fields.id, indexes.size)
    if (Array.isArray(node?.children)) stack.push(...[...node.children].reverse())
  }
  return indexes
}

export function ArticleBody({ articleId, content, sharer }: { articleId: string; content: SerializedEditorState; sharer?: string }) {
  const indexes = blockIndexes(content)
  const at = (id?: string | null) => ({ article: articleId, block: id ? indexes.get(id) : undefined, sharer })
  type BlockNode = { node: { fields: { id?: string } & Record<string, unknown> } }
  const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    blocks: {
      productCard: ({ node }: BlockNode) => <ProductCardComponent fields={node.fields as unknown as ProductCardBlock} attribution={at(node.fields.id)} />,
      productGrid: ({ node }: BlockNode) => <ProductGridComponent fields={node.fields as unknown as ProductGridBlock} attribution={at(node.fields.id)} />,
      code: ({ node }: BlockNode) => <CodeComponent fields={node.fields as unknown as CodeBlock} />,
    },
  })
  return <RichText data={content} converters={converters} className="article-body" />
}
