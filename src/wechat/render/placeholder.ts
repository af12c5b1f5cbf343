import type { RenderContext } from './context'
import { escapeHtml } from './escape'
import { styleAttr } from './style'

/** Visible stand-in for content that cannot be rendered, so the editor notices it in the preview. */
export function placeholder(ctx: RenderContext, text: string, warning: string): string {
  ctx.warn(warning)
  return `<section${styleAttr(ctx.s.placeholder)}>${escapeHtml(text)}</section>`
}
