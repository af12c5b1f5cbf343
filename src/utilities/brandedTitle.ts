import type { Metadata } from 'next'

/**
 * A reader page's tab title: the page, then its brand (「明前龙井 250g 罐装 · 山野茶事」), not the tool's name. The
 * layout's `%s · 推文` template stays for pages that belong to no brand.
 */
export function brandedTitle(title: string, brand: { name?: string | null } | null | undefined): Metadata['title'] {
  const name = brand?.name?.trim()
  return name ? { absolute: `${title} · ${name}` } : title
}
