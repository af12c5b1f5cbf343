import { productBlockIndexOf } from '../../blocks/productBlocks'
import type { RenderContext } from './context'
import { elementStyles } from './elementStyles'
import { RenderImageError } from './errors'
import { Footnotes } from './footnotes'
import { ImageResolver } from './images'
import { validateEditorState } from './lexical'
import { enforceLimits, utf8Bytes } from './limits'
import { renderNodes } from './nodes'
import { checkOptions } from './options'
import { sanitizeWechatHtml } from './sanitize'
import { styleAttr } from './style'
import { resolveTheme } from './themes'
import type { RenderInput, RenderResult } from './types'

/**
 * Lexical state + resolved products/media + options → WeChat article HTML. Pure: no I/O, no clock, no env.
 * Throws RenderInputError (bad input/options, or `api` images without mmbiz mapping) and RenderLimitError (`api` only).
 */
export async function renderWechatArticle(input: RenderInput): Promise<RenderResult> {
  const options = checkOptions(input)
  const theme = resolveTheme(input.theme, input.primaryColor, input.darkMode === true)
  const root = validateEditorState(input.content)
  const warnings = new Set<string>()
  const productBlockIndex = productBlockIndexOf({ root })
  const ctx: RenderContext = {
    mode: options.mode,
    baseUrl: options.baseUrl,
    articleId: options.articleId,
    theme,
    s: elementStyles(theme),
    products: input.products ?? {},
    media: input.media ?? {},
    miniProgram: options.miniProgram,
    footnotes: new Footnotes(),
    images: new ImageResolver(options.mode, options.baseUrl, options.imageUrlMap),
    qrCodes: [],
    // Every block the renderer converts comes from this tree, so it is always in the index.
    productBlockIndex: (fields) => productBlockIndex(fields) ?? 0,
    warn: (message) => void warnings.add(message),
  }
  if (input.darkMode && options.mode === 'api') ctx.warn('深色配色仅用于预览；发布时微信会自动处理深色模式')

  const body = renderNodes(root.children, ctx, 'root') + ctx.footnotes.renderSection(ctx.s)
  const html = sanitizeWechatHtml(`<section${styleAttr(ctx.s.root, input.darkMode ? { 'background-color': theme.background } : undefined)}>${body}</section>`)
  if (options.mode === 'api' && ctx.images.missing.length) throw new RenderImageError(ctx.images.missing)

  const bytes = utf8Bytes(html)
  enforceLimits(options.mode, { html, bytes, title: options.title, contentSourceUrl: ctx.contentSourceUrl }, ctx.warn)
  return {
    html,
    warnings: [...warnings],
    stats: { chars: html.length, bytes, images: countImages(html), textChars: textLength(html) },
    contentSourceUrl: ctx.contentSourceUrl,
    images: ctx.images.needed,
    qrCodes: ctx.qrCodes,
  }
}

// The HTML was produced and sanitised just above, so tags never contain a raw '<' or '>' inside attributes.
function countImages(html: string): number {
  return html.split('<img ').length - 1
}

function textLength(html: string): number {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;|&[a-z]+;|&#\d+;/g, ' ').length
}
