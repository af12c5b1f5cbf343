import type { CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../../../access/roles'

/** An empty push name becomes the headline article's title. */
export const defaultTitle: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (typeof data.title === 'string' && data.title.trim()) return data
  const first = Array.isArray(data.articles) ? idOf(data.articles[0]) : undefined
  if (!first) return data
  const article = await req.payload.findByID({ collection: 'articles', id: first, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })
  if (article?.title) data.title = article.title
  return data
}
