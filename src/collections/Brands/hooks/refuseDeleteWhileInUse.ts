import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { BRAND_OWNED_COLLECTIONS } from '../../../plugins/brandWorkspaces'

/**
 * A brand owns its orders, payments, articles and members: deleting it would orphan them (the plugin's
 * cleanup, which would delete them instead, is off on purpose). Only an empty brand can be deleted.
 */
export const refuseDeleteWhileInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const counts = await Promise.all(
    BRAND_OWNED_COLLECTIONS.map(async (slug) => {
      const { totalDocs } = await req.payload.count({ collection: slug, where: { brand: { equals: id } }, overrideAccess: true, req })
      return [slug, totalDocs] as const
    }),
  )
  const members = (await req.payload.count({ collection: 'users', where: { 'brands.brand': { equals: id } }, overrideAccess: true, req })).totalDocs
  const used = counts.filter(([, n]) => n > 0)
  if (!used.length && !members) return
  const label = (slug: (typeof BRAND_OWNED_COLLECTIONS)[number]) => labelOf(req.payload.collections[slug].config.labels?.plural) || slug
  const what = [...used.map(([slug, n]) => `${label(slug)} ${n}`), ...(members ? [`成员 ${members}`] : [])]
  throw new APIError(`该品牌下还有数据（${what.join('、')}），不能删除。请先移走或删除这些数据。`, 400, undefined, true)
}

function labelOf(label: unknown): string {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'zh' in label) return String((label as { zh: unknown }).zh)
  return ''
}
