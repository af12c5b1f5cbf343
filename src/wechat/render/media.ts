import type { RenderContext } from './context'
import { isRecord } from './lexical'
import type { MediaLike } from './types'

/** A media reference as stored (id) or populated (object) → the media document, or undefined if unknown. */
export function resolveMedia(ref: unknown, ctx: Pick<RenderContext, 'media'>): MediaLike | undefined {
  if (typeof ref === 'string' || typeof ref === 'number') return lookup(ctx.media, String(ref))
  if (!isRecord(ref)) return undefined
  if (typeof ref.url === 'string') return ref as MediaLike
  if (typeof ref.id === 'string' || typeof ref.id === 'number') return lookup(ctx.media, String(ref.id))
  return undefined
}

function lookup(media: Record<string, MediaLike>, id: string): MediaLike | undefined {
  const found = Object.prototype.hasOwnProperty.call(media, id) ? media[id] : undefined
  return isRecord(found) ? found : undefined
}

export function refLabel(ref: unknown): string {
  if (typeof ref === 'string' || typeof ref === 'number') return String(ref).slice(0, 40)
  if (isRecord(ref) && (typeof ref.id === 'string' || typeof ref.id === 'number')) return String(ref.id).slice(0, 40)
  return '?'
}
