import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { formatFen } from '../../utilities/formatFen'
import { checkWechatHtml } from './checks'
import { RenderLimitError, renderWechatArticle, themes } from './index'
import { parse } from './testing/html'
import * as L from './testing/lexical'
import type { ProductLike, RenderInput } from './types'

const fixture = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../tests/fixtures/wechat/article.json'), 'utf8')) as RenderInput

/** Every text node of the input, iteratively. */
function inputTexts(content: unknown): string[] {
  const out: string[] = []
  const stack: unknown[] = [content]
  while (stack.length) {
    const n = stack.pop() as Record<string, unknown> | undefined
    if (!n || typeof n !== 'object') continue
    if (n.type === 'text' && typeof n.text === 'string') out.push(n.text)
    for (const v of Object.values(n)) if (v && typeof v === 'object') stack.push(v)
  }
  return out
}

describe('the fixture article', () => {
  it.each(themes.map((t) => t.name))('theme %s: loses no text, shows every product, passes the checker', async (theme) => {
    const result = await renderWechatArticle({ ...fixture, theme })
    const text = parse(result.html)
      .text()
      .replace(/\u00a0/g, ' ')
    for (const t of inputTexts(fixture.content)) expect(text).toContain(t)
    for (const p of Object.values(fixture.products) as ProductLike[]) {
      expect(text).toContain(p.title)
      expect(text).toContain(formatFen(p.price!))
    }
    expect(checkWechatHtml(result.html, { mode: 'paste' })).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.stats.chars).toBe(result.html.length)
    expect(result.stats.images).toBe(parse(result.html).tags('img').length)
    expect(result.contentSourceUrl).toBe('https://shop.example.com/p/shanye-2?from=art-1&b=0')
  })

  it('includes the code block source, with whitespace as &nbsp;', async () => {
    const { html } = await renderWechatArticle(fixture)
    expect(
      parse(html)
        .text()
        .replace(/\u00a0/g, ' '),
    ).toContain('"stakes": 8')
  })

  it('is deterministic', async () => {
    const a = await renderWechatArticle(fixture)
    const b = await renderWechatArticle(fixture)
    expect(a).toEqual(b)
  })

  it('applies the brand colour, and rejects unknown themes', async () => {
    const { html } = await renderWechatArticle({ ...fixture, theme: 'warm', primaryColor: '#1d4ed8' })
    expect(html).toContain('#1d4ed8')
    await expect(renderWechatArticle({ ...fixture, theme: 'neon' })).rejects.toThrow(/unknown theme/)
  })

  it('exposes themes with Chinese labels', () => {
    expect(themes.map((t) => t.name)).toEqual(['default', 'warm', 'minimal'])
    for (const t of themes) expect(t.label).toMatch(/[\u4e00-\u9fff]/)
  })

  it('renders a dark preview palette', async () => {
    const { html } = await renderWechatArticle({ ...fixture, darkMode: true })
    expect(html).toContain('#191919')
  })
})

describe('draft/add limits (case 39)', () => {
  const long = L.doc(...Array.from({ length: 400 }, () => L.paragraph(L.text('这是一段用来撑长正文的文字。'.repeat(4)))))

  it('api mode throws RenderLimitError on ≥ 20,000 HTML characters', async () => {
    const error = await renderWechatArticle({ content: long, products: {}, media: {}, mode: 'api' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RenderLimitError)
    expect(error).toMatchObject({ limit: 'chars', max: 20_000 })
  })

  it('paste mode warns instead', async () => {
    const { warnings, stats } = await renderWechatArticle({ content: long, products: {}, media: {} })
    expect(stats.chars).toBeGreaterThan(20_000)
    expect(warnings.join()).toContain('20000')
  })

  it('api mode refuses a title over 32 characters', async () => {
    const title = '标'.repeat(33)
    await expect(renderWechatArticle({ title, content: L.doc(), products: {}, media: {}, mode: 'api' })).rejects.toMatchObject({ limit: 'title' })
  })

  it('counts bytes as UTF-8', async () => {
    const { html, stats } = await renderWechatArticle({ content: L.doc(L.paragraph(L.text('中文'))), products: {}, media: {} })
    expect(stats.bytes).toBe(Buffer.byteLength(html))
    expect(stats.bytes).toBeGreaterThan(stats.chars)
  })
})
