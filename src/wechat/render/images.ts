import type { RenderMode } from './types'
import { isMmbizUrl, parseHttpUrl } from './urls'

export type ResolvedImage = { src: string } | { problem: string }

/** Turns stored image URLs into `<img src>` values for the chosen mode and records what must be uploaded. */
export class ImageResolver {
  /** Original absolute URLs the HTML needs (the upload manifest), in order of first use. */
  readonly needed: string[] = []
  /** `api` mode: URLs with no mmbiz mapping. */
  readonly missing: string[] = []
  private readonly seen = new Set<string>()

  constructor(
    private readonly mode: RenderMode,
    private readonly baseUrl: string | undefined,
    private readonly map: Record<string, string>,
  ) {}

  resolve(raw: unknown): ResolvedImage {
    if (typeof raw !== 'string' || !raw.trim()) return { problem: '图片缺少地址' }
    const value = raw.trim()
    if (/^data:/i.test(value)) return { problem: '图片是内嵌 data: 地址，公众号不支持，请上传为文件' }
    const absolute = value.startsWith('/') && !value.startsWith('//') && this.baseUrl ? this.baseUrl + value : value
    const url = parseHttpUrl(absolute)
    if (!url) return { problem: `图片地址无效或不是绝对地址：${value.slice(0, 80)}` }
    const href = url.href
    if (isMmbizUrl(url)) return { src: href }
    this.record(href)
    if (this.mode === 'paste') return { src: href }
    const mapped = parseHttpUrl(this.map[href] ?? this.map[value])
    if (mapped && isMmbizUrl(mapped)) return { src: mapped.href }
    if (!this.missing.includes(href)) this.missing.push(href)
    return { src: href }
  }

  private record(href: string): void {
    if (this.seen.has(href)) return
    this.seen.add(href)
    this.needed.push(href)
  }
}
