import type { CollectionSlug, PayloadRequest } from 'payload'

import { AppError } from '../platform/errors'
import { idOf } from '../utilities/idOf'
import { canInBrand, type Capability } from './roles'

/**
 * For a custom endpoint on `/:id`: the document, read as the user (404 if they cannot see it), when they hold
 * `capability` in its brand (403 otherwise); 401 without a login.
 */
export async function brandDocFor<T extends { brand?: unknown }>(
  req: PayloadRequest,
  collection: CollectionSlug,
  capability: Capability,
  messages: { notFound: string; forbidden: string },
): Promise<T> {
  if (!req.user) throw new AppError('LOGIN_REQUIRED', 401, '请先登录')
  const doc = (await req.payload
    .findByID({ collection, id: String(req.routeParams?.id ?? ''), depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
    .catch(() => null)) as T | null
  if (!doc) throw new AppError('NOT_FOUND', 404, messages.notFound)
  if (!canInBrand(req.user, idOf(doc.brand as string | { id: string } | null | undefined), capability)) throw new AppError('FORBIDDEN', 403, messages.forbidden)
  return doc
}
