import { DRAFT_CONTENT_MAX_BYTES, DRAFT_CONTENT_MAX_CHARS } from './checks/allowlist'
import { RenderLimitError } from './errors'
import type { RenderMode } from './types'

const TITLE_MAX = 32
const SOURCE_URL_MAX_BYTES = 1024

export const utf8Bytes = (s: string) => new TextEncoder().encode(s).length

/**
 * draft/add limits (docs/wechat-html.md §b): content < 20,000 characters counted over the whole HTML string,
 * < 1 MiB; title ≤ 32; content_source_url ≤ 1 KB. `api` mode throws, `paste` mode warns.
 */
export function enforceLimits(
  mode: RenderMode,
  values: { html: string; bytes: number; title?: string; contentSourceUrl?: string },
  warn: (message: string) => void,
): void {
  const breaches: [RenderLimitError, string][] = []
  if (values.html.length >= DRAFT_CONTENT_MAX_CHARS) {
    breaches.push([
      new RenderLimitError('chars', values.html.length, DRAFT_CONTENT_MAX_CHARS),
      `正文 HTML 共 ${values.html.length} 字符，超过公众号 ${DRAFT_CONTENT_MAX_CHARS} 字符上限（含排版代码），请删减内容或拆分文章`,
    ])
  }
  if (values.bytes >= DRAFT_CONTENT_MAX_BYTES) {
    breaches.push([new RenderLimitError('bytes', values.bytes, DRAFT_CONTENT_MAX_BYTES), '正文超过 1MB 上限'])
  }
  const titleLength = values.title ? [...values.title].length : 0
  if (titleLength > TITLE_MAX) {
    breaches.push([new RenderLimitError('title', titleLength, TITLE_MAX), `标题 ${titleLength} 字，超过接口上限 ${TITLE_MAX} 字`])
  }
  const sourceBytes = values.contentSourceUrl ? utf8Bytes(values.contentSourceUrl) : 0
  if (sourceBytes > SOURCE_URL_MAX_BYTES) {
    breaches.push([new RenderLimitError('contentSourceUrl', sourceBytes, SOURCE_URL_MAX_BYTES), '「阅读原文」链接超过 1KB'])
  }
  if (mode === 'api' && breaches.length) throw breaches[0]![0]
  for (const [, message] of breaches) warn(message)
}
