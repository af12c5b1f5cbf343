import { parseCookies } from 'payload'

/** The cookie in which the multi-tenant plugin's brand selector (admin nav) keeps the chosen brand. */
export const SELECTED_BRAND_COOKIE = 'payload-tenant'

export function selectedBrandOf(headers: Headers | undefined): string | undefined {
  if (!headers) return undefined
  return parseCookies(headers).get(SELECTED_BRAND_COOKIE) || undefined
}
