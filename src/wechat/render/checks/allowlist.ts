/**
 * Allow-lists from docs/wechat-html.md §a and §f (cases 1, 6, 25, 31). Shared by the sanitiser (what we emit)
 * and the checker (what we accept). Standalone: no imports, so the checker can be reused on any stored HTML.
 */

export const ALLOWED_TAGS = [
  'section', 'p', 'span', 'br', 'strong', 'b', 'em', 'i', 'u', 'sup', 'sub', 'del', 's',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'code', 'hr', 'img', 'a',
] as const

/** Tags that must never appear (case 1, 25 and §a.2). */
export const FORBIDDEN_TAGS = [
  'html', 'head', 'body', 'style', 'script', 'link', 'meta', 'noscript', 'iframe', 'video', 'audio', 'embed',
  'object', 'canvas', 'input', 'button', 'select', 'textarea', 'form', 'picture', 'source', 'math',
] as const

export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['style', 'data-block', 'data-no-dark'],
  a: ['href', 'data-miniprogram-appid', 'data-miniprogram-path', 'data-miniprogram-type', 'data-miniprogram-nickname', 'data-miniprogram-servicetype'],
  img: ['src', 'alt'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
}

/** CSS properties allowed in inline styles (case 6). Longhands are listed explicitly. */
export const ALLOWED_CSS_PROPERTIES = new Set([
  'color', 'background', 'background-color', 'background-image', 'background-size', 'background-position', 'background-repeat',
  'font', 'font-size', 'font-weight', 'font-style', 'font-family', 'font-variant',
  'line-height', 'letter-spacing', 'text-align', 'text-indent', 'text-decoration', 'text-decoration-line', 'text-decoration-color',
  'text-decoration-style', 'white-space', 'word-break', 'word-wrap', 'overflow-wrap', 'vertical-align',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-width', 'border-style', 'border-color',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-radius', 'border-collapse', 'border-spacing',
  'box-shadow', 'text-shadow', 'outline', 'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height', 'box-sizing',
  'display', 'overflow', 'overflow-x', 'overflow-y', '-webkit-overflow-scrolling', 'transform', 'transform-origin', 'float', 'clear',
  'opacity', 'list-style-type', 'list-style', 'flex', 'flex-flow', 'flex-direction', 'flex-wrap', 'justify-content', 'align-items',
  'align-self', 'flex-shrink', 'flex-grow', 'flex-basis', 'table-layout', 'caption-side', 'visibility', 'isolation',
])

export const ALLOWED_DISPLAY = new Set(['block', 'inline', 'inline-block', 'table', 'table-cell', 'table-row', 'flex', '-webkit-box', 'none'])
export const ALLOWED_TEXT_ALIGN = new Set(['left', 'center', 'right', 'justify'])

/** Value fragments that are never allowed (cases 4, 6, 31, plus script-ish values). */
export const FORBIDDEN_VALUE = /var\(|calc\(|color-mix\(|oklch\(|oklab\(|lch\(|lab\(|expression\(|javascript:|url\(\s*['"]?\s*(?:#|data:|javascript:)|\bundefined\b|\\|<|>/i

/** System fonts (case 7); generic families included. Lower-case for comparison. */
export const SYSTEM_FONTS = new Set(
  [
    'serif', 'sans-serif', 'monospace', 'cursive', 'system-ui', 'ui-monospace', 'ui-sans-serif', 'ui-serif', '-apple-system',
    'BlinkMacSystemFont', 'PingFang SC', 'PingFang TC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Microsoft YaHei UI', 'Helvetica Neue',
    'Helvetica', 'Arial', 'Segoe UI', 'Roboto', 'Noto Sans', 'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'STHeiti',
    'STXihei', 'SimSun', 'SimHei', 'Songti SC', 'STSong', 'Georgia', 'Times New Roman', 'Times', 'Menlo', 'Monaco', 'Consolas',
    'Courier New', 'Courier', 'SF Mono', 'SFMono-Regular', 'Liberation Mono', 'Apple Color Emoji', 'Segoe UI Emoji',
  ].map((f) => f.toLowerCase()),
)

/** Class names WeChat's own components use (case 2): allowed only because its stylesheet targets them. */
export const WECHAT_CLASS_PREFIXES = ['mp_', 'rich_pages', 'wxw-img', 'code-snippet', 'js_']

export const DRAFT_CONTENT_MAX_CHARS = 20_000
export const DRAFT_CONTENT_MAX_BYTES = 1024 * 1024
export const MAX_WIDTH_PX = 677
export const MAX_SAME_TAG_DEPTH = 15
