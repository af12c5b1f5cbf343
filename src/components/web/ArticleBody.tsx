import type { SerializedAutoLinkNode, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConverter, type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import { CodeComponent } from '@/blocks/Code/Component'
import { ProductCardComponent } from '@/blocks/ProductCard/Component'
import { ProductGridComponent } from '@/blocks/ProductGrid/Component'
import { productBlocksOf } from '@/blocks/productBlocks'
import type { CodeBlock, ProductCardBlock, ProductGridBlock } from '@/payload-types'
import { internalLinkPath, safeLinkHref } from '@/utilities/safeUrl'

/** Index of each product block in document order (as the WeChat renderer counts), so every tap carries `b=<index>`. */
function blockIndexes(state: SerializedEditorState): Map<string, number> {
  const indexes = new Map<string, number>()
  productBlocksOf(state).forEach((block, i) => block.id && indexes.set(block.id, i))
  return indexes
}

/**
 * Links through the shared predicate (safeLinkHref, as the WeChat renderer): http(s), mailto:, tel: and our own
 * pages stay links; javascript:, data:, vbscript: and anything else render as their plain text. Internal links
 * go to the populated document's public page.
 */
const renderLink: JSXConverter<SerializedAutoLinkNode | SerializedLinkNode> = ({ node, nodesToJSX }) => {
  const children = nodesToJSX({ nodes: node.children })
  const fields = (node.fields ?? {}) as SerializedLinkNode['fields']
  const target = fields.linkType === 'internal' ? internalLinkPath(fields.doc) : fields.url
  const safe = safeLinkHref(target)
  if (!safe) return <span>{children}</span>
  const newTab = Boolean(fields.newTab)
  return (
    <a href={safe.href} {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {children}
    </a>
  )
}

export function ArticleBody({ articleId, content, sharer }: { articleId: string; content: SerializedEditorState; sharer?: string }) {
  const indexes = blockIndexes(content)
  const at = (id?: string | null) => ({ article: articleId, block: id ? indexes.get(id) : undefined, sharer })
  type BlockNode = { node: { fields: { id?: string } & Record<string, unknown> } }
  const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    link: renderLink,
    autolink: renderLink,
    blocks: {
      productCard: ({ node }: BlockNode) => <ProductCardComponent fields={node.fields as unknown as ProductCardBlock} attribution={at(node.fields.id)} />,
      productGrid: ({ node }: BlockNode) => <ProductGridComponent fields={node.fields as unknown as ProductGridBlock} attribution={at(node.fields.id)} />,
      code: ({ node }: BlockNode) => <CodeComponent fields={node.fields as unknown as CodeBlock} />,
    },
  })
  return <RichText data={content} converters={converters} className="article-body" />
}
