// The one article loader: an article → the products and media its content references → the renderer's input.
// The preview, the render endpoint and the push all load through here, so the preview is what is pushed.
import type { Payload, PayloadRequest } from 'payload'

import { eachNode, isBlockNode } from '../blocks/blockNodes'
import { blockOf } from '../blocks/registry'
import type { Article, Brand, Media } from '../payload-types'
import { idOf } from '../utilities/idOf'
import type { MediaLike, ProductLike, RenderInput } from './render'

/** What the loader reads of an article: a saved one, or the editor's unsaved state (preview). */
export type ArticleToRender = { id?: string; title?: string | null; content?: unknown; brand?: string | Brand | null; cover?: unknown }

/**
 * Whose access reads the products, media and brand: the request's user (preview, render endpoint: a preview shows
 * only what its viewer may see) or the system (the push job, which runs without a user).
 */
export type ReadAs = { req: PayloadRequest } | 'system'

export type LoadOptions = {
  readAs: ReadAs
  /** Public site origin for landing pages, QR images and relative media URLs. */
  baseUrl: string
  /** The pushing Official Account's mini program; else the brand's. */
  miniProgramAppId?: string | null
}

export type LoadedArticle<A extends ArticleToRender = Article> = {
  article: A
  /** The renderer's input without the per-render options (mode, theme, dark mode, imageUrlMap). */
  input: RenderInput
  /** The cover media (or undefined: the push uses the first body image). */
  cover?: Media
}

/**
 * Ids of the products and media an article's content refers to: block products as the blocks registry yields them,
 * and uploads (Payload writes `relationTo: 'media'`; older nodes have none). Only nodes the renderer reaches.
 */
export function referencedIds(content: unknown): { products: string[]; media: string[] } {
  const products = new Set<string>()
  const media = new Set<string>()
  eachNode(content, (node) => {
    if (node.type === 'upload' && (node.relationTo === undefined || node.relationTo === 'media')) {
      const id = idOf(node.value)
      if (id) media.add(id)
    }
    if (isBlockNode(node)) {
      for (const ref of blockOf(node.fields.blockType)?.productsOf(node.fields) ?? []) {
        const id = idOf(ref)
        if (id) products.add(id)
      }
    }
  })
  return { products: [...products], media: [...media] }
}

const accessOf = (readAs: ReadAs) => (readAs === 'system' ? { overrideAccess: true } : { overrideAccess: false, user: readAs.req.user, req: readAs.req })

/** Everything the pure renderer needs for one article, plus its cover. */
export async function articleRenderInput<A extends ArticleToRender>(payload: Payload, article: A, options: LoadOptions): Promise<LoadedArticle<A>> {
  const access = accessOf(options.readAs)
  const refs = referencedIds(article.content)
  const brandId = idOf(article.brand)
  const [products, brand] = await Promise.all([
    refs.products.length
      ? payload.find({ collection: 'products', where: { id: { in: refs.products } }, depth: 0, limit: refs.products.length, pagination: false, ...access })
      : null,
    brandId ? payload.findByID({ collection: 'brands', id: brandId, depth: 0, disableErrors: true, ...access }).catch(() => null) : null,
  ])
  // Product images are media ids (depth 0): they are content media too. The cover is read alongside, but it is not
  // content, so it stays out of the renderer's input unless the content uses it as well.
  const contentMedia = new Set(refs.media)
  for (const product of products?.docs ?? []) for (const image of product.images ?? []) if (idOf(image)) contentMedia.add(idOf(image)!)
  const coverId = idOf(article.cover)
  const mediaIds = [...new Set([...contentMedia, ...(coverId ? [coverId] : [])])]
  const media = mediaIds.length
    ? await payload.find({ collection: 'media', where: { id: { in: mediaIds } }, depth: 0, limit: mediaIds.length, pagination: false, ...access })
    : null
  const miniProgramAppId = options.miniProgramAppId || brand?.miniProgramAppId || undefined

  return {
    article,
    cover: media?.docs.find((m) => m.id === coverId),
    input: {
      title: article.title ?? '',
      articleId: article.id,
      content: article.content,
      products: Object.fromEntries((products?.docs ?? []).map((p) => [p.id, p as unknown as ProductLike])),
      media: Object.fromEntries((media?.docs ?? []).filter((m) => contentMedia.has(m.id)).map((m) => [m.id, m as unknown as MediaLike])),
      baseUrl: options.baseUrl,
      primaryColor: brand?.primaryColor ?? undefined,
      ...(miniProgramAppId ? { miniProgram: { appId: miniProgramAppId } } : {}),
    },
  }
}

/** The push's read: the article's latest (draft) version by id, as the system. */
export async function loadArticleToRender(payload: Payload, id: string, options: Omit<LoadOptions, 'readAs'>): Promise<LoadedArticle> {
  const article = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })
  return articleRenderInput(payload, article, { ...options, readAs: 'system' })
}
