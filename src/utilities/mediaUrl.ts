import type { Media } from '../payload-types'

type Size = 'thumbnail' | 'card' | 'hero'

/** The best URL and dimensions for a media document at a size, falling back to the original. */
export function mediaAt(media: Media | string | null | undefined, size: Size = 'card') {
  if (!media || typeof media === 'string') return null
  const sized = media.sizes?.[size]
  if (sized?.url && sized.width && sized.height) return { url: sized.url, width: sized.width, height: sized.height, alt: media.alt }
  if (!media.url) return null
  return { url: media.url, width: media.width ?? 800, height: media.height ?? 600, alt: media.alt }
}
