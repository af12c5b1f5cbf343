import type { CollectionBeforeValidateHook } from 'payload'

/** The very first account (created from /admin/create-first-user) becomes the admin. */
export const firstUserIsAdmin: CollectionBeforeValidateHook = async ({ req, operation, data }) => {
  if (operation !== 'create' || req.user) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
