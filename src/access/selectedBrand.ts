import { getTenantFromCookie } from '@payloadcms/plugin-multi-tenant/utilities'

/** The brand chosen in the admin's 当前品牌 selector (the multi-tenant plugin's cookie), if any. */
export function selectedBrandOf(headers: Headers | undefined): string | undefined {
  if (!headers) return undefined
  const id = getTenantFromCookie(headers, 'text')
  return id === null ? undefined : String(id)
}
