// Loads an article with the products and media its content references and builds the renderer's input.
// (A shared src/wechat/articleRenderInput.ts is being written elsewhere; this one is local to publishing.)
import type { Payload } from 'payload'

import type { Article, Brand, Media, Product } from '../payload-types'
import type { MediaLike, ProductLike, RenderInput } from '../wechat/render'
import { idOf } from '@/utilities/idOf'

function collectRefs(node: unknown, out: { media: Set<string>; products: Set<string> }): void {
  if (Array.isArray(node)) {
    for (const child of node) collectRefs(child, out)
    return
  }
  if (!node || typeof node !== 'object') return
  const n = node as Record<string, unknown>
  if (n.type === 'upload' && (n.relationTo === undefined || n.relationTo === 'media')) {
    const id = idOf(n.value)
    if (id) out.media.add(id)
  }
  if (n.type === 'block' && n.fields && typeof n.fields === 'object') {
    const fields = n.fields as Record<string, unknown>
    const one = idOf(fields.product)
    if (one) out.products.add(one)
    if (Array.isArray(fields.products)) for (const p of fields.products) {
      const id = idOf(p)
      if (id) out.products.add(id)
    }
  }
  for (const value of Object.values(n)) if (value && typeof value === 'object') collectRefs(value, out)
}

export type LoadedArticle = {
  article: Article
  brand?: Brand
  /** Renderer input without mode/imageUrlMap. */
  input: RenderInput
  /** The cover media (or undefined: the first body image is used). */
  cover?: Media
}

export async function loadArticleForPublishing(
  payload: Payload,
  id: string,
  options: { baseUrl: string; miniProgramAppId?: string | null },
): Promise<LoadedArticle> {
  const article = (await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })) as Article
  const refs = { media: new Set<string>(), products: new Set<string>() }
  collectRefs(article.content, refs)

  const products: Record<string, ProductLike> = {}
  if (refs.products.size) {
    const found = await payload.find({ collection: 'products', where: { id: { in: [...refs.products] } }, depth: 0, limit: 100, overrideAccess: true, pagination: false })
    for (const p of found.docs as Product[]) {
      products[p.id] = p as unknown as ProductLike
      for (const image of p.images ?? []) {
        const mediaId = idOf(image)
        if (mediaId) refs.media.add(mediaId)
      }
    }
  }
  const coverId = idOf(article.cover)
  if (coverId) refs.media.add(coverId)
  const media: Record<string, MediaLike> = {}
  if (refs.media.size) {
    const found = await payload.find({ collection: 'media', where: { id: { in: [...refs.media] } }, depth: 0, limit: 200, overrideAccess: true, pagination: false })
    for (const m of found.docs as Media[]) media[m.id] = m as unknown as MediaLike
  }
  const brandId = idOf(article.brand)
  const brand = brandId ? ((await payload.findByID({ collection: 'brands', id: brandId, depth: 0, overrideAccess: true, disableErrors: true })) as Brand | null) ?? undefined : undefined
  const miniProgramAppId = options.miniProgramAppId || brand?.miniProgramAppId || undefined

  return {
    article,
    brand,
    cover: coverId ? (media[coverId] as Media | undefined) : undefined,
    input: {
      title: article.title,
      articleId: article.id,
      content: article.content,
      products,
      media,
      baseUrl: options.baseUrl,
      primaryColor: brand?.primaryColor ?? undefined,
      ...(miniProgramAppId ? { miniProgram: { appId: miniProgramAppId } } : {}),
    },
  }
}
