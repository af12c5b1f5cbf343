import type { SerializedAutoLinkNode, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConverter, type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import type { BlockFields } from '@/blocks/blockNodes'
import { productBlockIndexOf } from '@/blocks/productBlocks'
import { webBlocks } from '@/blocks/webBlocks'
import { internalLinkPath, safeLinkHref } from '@/utilities/safeUrl'

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
  // The product-block index the WeChat renderer uses too, so every tap carries the same `b=<index>`.
  const productBlockIndex = productBlockIndexOf(content)
  type BlockNode = { node: { fields: BlockFields } }
  const blocks = Object.fromEntries(
    Object.entries(webBlocks).map(([slug, Component]) => [
      slug,
      ({ node }: BlockNode) => <Component fields={node.fields as never} attribution={{ article: articleId, block: productBlockIndex(node.fields), sharer }} />,
    ]),
  )
  const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    link: renderLink,
    autolink: renderLink,
    blocks,
  })
  return <RichText data={content} converters={converters} className="article-body" />
}
