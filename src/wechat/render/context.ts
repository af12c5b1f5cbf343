import type { ElementStyles } from './elementStyles'
import type { Footnotes } from './footnotes'
import type { ImageResolver } from './images'
import type { ThemeTokens } from './themes'
import type { MediaLike, MiniProgramOption, ProductLike, QrCodeNeed, RenderMode } from './types'

/** Everything a node or block converter may read or record while rendering one article. */
export interface RenderContext {
  mode: RenderMode
  baseUrl?: string
  articleId?: string
  theme: ThemeTokens
  s: ElementStyles
  products: Record<string, ProductLike>
  media: Record<string, MediaLike>
  miniProgram?: MiniProgramOption
  footnotes: Footnotes
  images: ImageResolver
  qrCodes: QrCodeNeed[]
  contentSourceUrl?: string
  /** The 0-based ordinal of a product block's fields (src/blocks/productBlocks.ts); becomes `b` in landing URLs. */
  productBlockIndex(fields: Record<string, unknown>): number
  /** Set while rendering a table cell: images there are lost by WeChat, so they are moved below the table. */
  deferredImages?: string[]
  warn(message: string): void
}

/** Renders a list of Lexical nodes; passed to block converters so they stay independent of the node dispatcher. */
export type RenderChildren = (nodes: unknown, ctx: RenderContext, path: string) => string

/** A block's WeChat face: `fields` are the Lexical block node's `fields` (already shape-checked as an object). */
export type WechatBlockConverter = (fields: Record<string, unknown>, ctx: RenderContext, path: string) => string
