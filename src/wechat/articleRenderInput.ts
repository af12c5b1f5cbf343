import type { Payload, PayloadRequest } from 'payload'

import type { Brand } from '../payload-types'
import type { MediaLike, ProductLike, RenderInput, RenderMode } from './render'

type ArticleLike = { id?: string; title?: string | null; content?: unknown; brand?: string | Brand | null }

/** Ids of the products and media an article's Lexical content refers to (iterative: documents can be huge). */
export function referencedIds(content: unknown): { products: string[]; media: string[] } {
  const products = new Set<string>()
  const media = new Set<string>()
  const id = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : null)
  const stack: unknown[] = [(content as { root?: unknown })?.root]
  while (stack.length) {
    const node = stack.pop() as { type?: string; relationTo?: string; value?: unknown; fields?: Record<string, unknown>; children?: unknown[] } | undefined
    if (!node || typeof node !== 'object') continue
    if (node.type === 'upload' && node.relationTo === 'media') {
      const m = id(node.value)
      if (m) media.add(m)
    }
    if (node.type === 'block' && node.fields) {
      const single = id(node.fields.product)
      if (single) products.add(single)
      if (Array.isArray(node.fields.products)) node.fields.products.map(id).forEach((p) => p && products.add(p))
    }
    if (Array.isArray(node.children)) stack.push(...node.children)
  }
  return { products: [...products], media: [...media] }
}

export type RenderOptions = { mode?: RenderMode; theme?: string; darkMode?: boolean; baseUrl: string }

/**
 * Everything the pure renderer needs for one article, read with the requesting user's access, so a
 * preview can only show products and images that user may see.
 */
export async function articleRenderInput(payload: Payload, req: PayloadRequest, article: ArticleLike, options: RenderOptions): Promise<RenderInput> {
  const ids = referencedIds(article.content)
  const access = { overrideAccess: false, user: req.user, req } as const
  const [products, media, brand] = await Promise.all([
    ids.products.length
      ? payload.find({ collection: 'products', where: { id: { in: ids.products } }, depth: 1, limit: ids.products.length, ...access })
      : null,
    ids.media.length ? payload.find({ collection: 'media', where: { id: { in: ids.media } }, depth: 0, limit: ids.media.length, ...access }) : null,
    typeof article.brand === 'string'
      ? payload.findByID({ collection: 'brands', id: article.brand, depth: 0, disableErrors: true, ...access }).catch(() => null)
      : (article.brand ?? null),
  ])
  return {
    title: article.title ?? '',
    articleId: article.id,
    content: article.content,
    products: Object.fromEntries((products?.docs ?? []).map((p) => [p.id, p as unknown as ProductLike])),
    media: Object.fromEntries((media?.docs ?? []).map((m) => [m.id, m as unknown as MediaLike])),
    baseUrl: options.baseUrl,
    mode: options.mode ?? 'paste',
    theme: options.theme,
    darkMode: options.darkMode,
    primaryColor: brand?.primaryColor ?? undefined,
    miniProgram: brand?.miniProgramAppId ? { appId: brand.miniProgramAppId } : undefined,
  }
}
