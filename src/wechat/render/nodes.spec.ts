import { describe, expect, it } from 'vitest'

import { checkWechatHtml } from './checks'
import { renderWechatArticle } from './index'
import { parse, styleOf, textOf } from './testing/html'
import * as L from './testing/lexical'
import type { RenderInput } from './types'

const BASE = 'https://shop.example.com'
const media = {
  m1: { id: 'm1', url: '/api/media/file/a.jpg', width: 1200, height: 800, alt: '图一', mimeType: 'image/jpeg' },
  pdf: { id: 'pdf', url: '/api/media/file/x.pdf', mimeType: 'application/pdf', filename: 'x.pdf' },
}

async function render(children: Record<string, unknown>[], extra: Partial<RenderInput> = {}) {
  const result = await renderWechatArticle({ content: L.doc(...children), products: {}, media, baseUrl: BASE, ...extra })
  // Every golden output must also pass the §(f) checker (paste mode: images are not on mmbiz yet).
  expect(checkWechatHtml(result.html, { mode: 'paste' })).toEqual([])
  return { ...result, $: parse(result.html) }
}

describe('document frame', () => {
  it('wraps everything in one root section with base typography and no padding/background', async () => {
    const { $ } = await render([L.paragraph(L.text('你好'))])
    const top = $.document.children.filter((n) => n.type === 'tag')
    expect(top).toHaveLength(1)
    const root = top[0] as ReturnType<typeof $.tags>[number]
    expect(root.name).toBe('section')
    expect(styleOf(root)).toMatchObject({ 'font-size': '16px', color: '#333' })
    expect(Object.keys(styleOf(root)).some((k) => k.startsWith('padding') || k.startsWith('background'))).toBe(false)
  })

  it('emits no raw newlines, classes or ids', async () => {
    const { html } = await render([L.paragraph(L.text('一\n二')), L.heading('h2', L.text('标题'))])
    expect(html).not.toContain('\n')
    expect(html).not.toMatch(/\sclass=|\sid=/)
  })
})

describe('paragraphs and headings', () => {
  it('renders a paragraph with inline margin and alignment from the element format', async () => {
    const node = { ...L.paragraph(L.text('居中')), format: 'center', indent: 1 }
    const { $ } = await render([node, { ...L.paragraph(L.text('起始')), format: 'start' }])
    const [p1, p2] = $.tags('p')
    expect(styleOf(p1!)).toMatchObject({ margin: '0 0 1em', 'text-align': 'center', 'padding-left': '2em' })
    expect(styleOf(p2!)['text-align']).toBe('left')
  })

  it('keeps an empty paragraph as a line break', async () => {
    const { $ } = await render([L.paragraph()])
    expect($.tags('p')[0]!.children[0]).toMatchObject({ name: 'br' })
  })

  it.each(['h1', 'h2', 'h3', 'h4'])('renders %s with inline size and colour', async (tag) => {
    const { $ } = await render([L.heading(tag, L.text('小标题'))])
    const h = $.tags(tag)[0]!
    expect(textOf(h)).toContain('小标题')
    expect(styleOf(h)).toHaveProperty('font-size')
    expect(styleOf(h)).toHaveProperty('color')
  })

  it('maps h5/h6 to h4', async () => {
    const { $ } = await render([L.heading('h6', L.text('小'))])
    expect($.tags('h6')).toHaveLength(0)
    expect(textOf($.tags('h4')[0]!)).toBe('小')
  })

  it('bakes the warm theme heading decoration as a real text node', async () => {
    const { $ } = await render([L.heading('h2', L.text('标题'))], { theme: 'warm' })
    const h2 = $.tags('h2')[0]!
    expect(textOf(h2.children[0]!)).toBe('▍')
  })
})

describe('text formats', () => {
  it.each([
    [L.BOLD, 'strong', undefined],
    [L.ITALIC, 'em', undefined],
    [L.SUBSCRIPT, 'sub', undefined],
    [L.SUPERSCRIPT, 'sup', undefined],
    [L.UNDERLINE, 'span', 'underline'],
    [L.STRIKETHROUGH, 'span', 'line-through'],
  ])('format %i → <%s>', async (format, tag, decoration) => {
    const { $ } = await render([L.paragraph(L.text('字', format))])
    const el = $.tags(tag as string)[0]!
    expect(textOf(el)).toBe('字')
    if (decoration) expect(styleOf(el)['text-decoration']).toBe(decoration)
  })

  it('combines underline and strikethrough in one declaration and nests bold+italic', async () => {
    const { $ } = await render([L.paragraph(L.text('混', L.BOLD | L.ITALIC | L.UNDERLINE | L.STRIKETHROUGH))])
    expect(styleOf($.tags('span')[0]!)['text-decoration']).toBe('underline line-through')
    expect($.tags('strong')[0]!.children[0]).toMatchObject({ name: 'em' })
  })

  it('renders inline code with inline colours and padding (case 22)', async () => {
    const { $ } = await render([L.paragraph(L.text('npm i', L.CODE))])
    const code = $.tags('code')[0]!
    expect(styleOf(code)).toMatchObject({ padding: '2px 4px' })
    expect(styleOf(code)).toHaveProperty('background-color')
  })

  it('turns linebreak nodes and soft newlines into <br>', async () => {
    const { $ } = await render([L.paragraph(L.text('一'), L.linebreak(), L.text('二\n三'))])
    expect($.tags('br')).toHaveLength(2)
  })
})

describe('links (cases 8–12)', () => {
  it('turns an external link into text plus a footnote and a references section', async () => {
    const { $ } = await render([L.paragraph(L.link('https://example.com', L.text('Example')))])
    expect($.tags('a')).toHaveLength(0)
    expect(textOf($.tags('sup')[0]!)).toBe('[1]')
    expect($.text()).toContain('Example[1]')
    expect($.text()).toContain('[1] Example: https://example.com')
  })

  it('gives the same URL the same number and lists it once', async () => {
    const { $ } = await render([
      L.paragraph(L.link('https://example.com/a', L.text('甲')), L.link('https://example.com/a', L.text('乙')), L.link('https://example.com/b', L.text('丙'))),
    ])
    expect($.tags('sup').map((s) => textOf(s))).toEqual(['[1]', '[1]', '[2]'])
    expect($.text().match(/https:\/\/example\.com\/a/g)).toHaveLength(1)
  })

  it('keeps a link whose text is its URL as plain text without footnote', async () => {
    const { $ } = await render([L.paragraph(L.autolink('https://example.com/x'))])
    expect($.tags('sup')).toHaveLength(0)
    expect($.text()).toContain('https://example.com/x')
    expect($.text()).not.toContain('引用链接')
  })

  it('keeps mp.weixin.qq.com links as coloured links, upgraded to https', async () => {
    const { $ } = await render([L.paragraph(L.link('http://mp.weixin.qq.com/s/xyz', L.text('往期')))])
    const a = $.tags('a')[0]!
    expect(a.attribs.href).toBe('https://mp.weixin.qq.com/s/xyz')
    expect(styleOf(a)).toHaveProperty('color')
    expect($.tags('sup')).toHaveLength(0)
  })

  it('drops anchors and unsafe schemes but keeps the text, with a warning', async () => {
    const { $, warnings } = await render([L.paragraph(L.link('#top', L.text('回到顶部')), L.link('javascript:alert(1)', L.text('点我')))])
    expect($.tags('a')).toHaveLength(0)
    expect($.text()).toContain('回到顶部')
    expect($.text()).toContain('点我')
    expect(warnings.some((w) => w.includes('链接'))).toBe(true)
  })

  it('resolves internal links to our public page as a footnote', async () => {
    const internal = {
      type: 'link',
      fields: { linkType: 'internal', doc: { relationTo: 'articles', value: { id: 'a2', slug: 'spring' } } },
      children: [L.text('上一篇')],
    }
    const { $ } = await render([L.paragraph(internal)])
    expect($.text()).toContain(`上一篇: ${BASE}/a/spring`)
  })
})

describe('lists (cases 23–25)', () => {
  const nested = L.list(
    'bullet',
    L.listItem(L.text('一级')),
    L.listItem(L.list('bullet', L.listItem(L.text('二级')), L.listItem(L.list('bullet', L.listItem(L.text('三级')))))),
  )

  it('renders nested lists as flat indented sections with literal markers, no ul/ol/li', async () => {
    const { $ } = await render([nested])
    expect($.tags('ul').length + $.tags('ol').length + $.tags('li').length).toBe(0)
    const rows = $.all((el) => el.name === 'section' && (el.children[0] as { name?: string } | undefined)?.name === 'span')
    expect(rows.map((r) => textOf(r))).toEqual(['• 一级', '◦ 二级', '▪ 三级'])
    expect(rows.map((r) => styleOf(r)['padding-left'])).toEqual([undefined, '1.5em', '3em'])
  })

  it('numbers ordered lists from start, counting only rows', async () => {
    const ol = { ...L.list('number', L.listItem(L.text('甲')), L.listItem(L.text('乙'))), start: 3 }
    const { $ } = await render([ol])
    expect($.text()).toContain('3. 甲')
    expect($.text()).toContain('4. 乙')
  })

  it('renders check lists as ☑/☐ text without <input>', async () => {
    const { $ } = await render([L.list('check', L.checkItem(true, L.text('已完成')), L.checkItem(false, L.text('未完成')))])
    expect($.tags('input')).toHaveLength(0)
    expect($.text()).toContain('☑ 已完成')
    expect($.text()).toContain('☐ 未完成')
  })

  it('warns past three levels but still renders the text', async () => {
    let deep = L.list('bullet', L.listItem(L.text('第四级')))
    for (let i = 0; i < 3; i++) deep = L.list('bullet', L.listItem(deep))
    const { $, warnings } = await render([deep])
    expect($.text()).toContain('第四级')
    expect(warnings.join()).toContain('3 层')
  })
})

describe('quotes and rules (case 27)', () => {
  it('styles blockquote and its inner p inline', async () => {
    const { $ } = await render([L.quote(L.text('名言'), L.linebreak(), L.text('出处'))])
    const bq = $.tags('blockquote')[0]!
    const p = bq.children[0] as typeof bq
    for (const el of [bq, p]) {
      expect(Object.keys(styleOf(el))).toEqual(expect.arrayContaining(['border-left', 'padding', 'background-color', 'color']))
    }
    expect(textOf(p)).toBe('名言出处')
  })

  it('renders a horizontal rule with inline border', async () => {
    const { $ } = await render([L.hr()])
    expect(styleOf($.tags('hr')[0]!)).toHaveProperty('border-top')
  })
})

describe('uploads (cases 17–18)', () => {
  it('renders a block image with an absolute URL, no size attributes, and max-width/height:auto', async () => {
    const { $, images } = await render([L.upload('m1')])
    const img = $.tags('img')[0]!
    expect(img.attribs.src).toBe(`${BASE}/api/media/file/a.jpg`)
    expect(img.attribs.width).toBeUndefined()
    expect(styleOf(img)).toMatchObject({ display: 'block', 'max-width': '100%', height: 'auto' })
    expect(images).toEqual([`${BASE}/api/media/file/a.jpg`])
  })

  it('accepts a populated media object and a caption', async () => {
    const { $ } = await render([L.upload({ id: 'x', url: 'https://cdn.example.com/b.png', alt: '乙' }, { caption: '图注' })])
    expect($.tags('img')[0]!.attribs.alt).toBe('乙')
    expect($.text()).toContain('图注')
  })

  it('shows a placeholder and warns for unknown media and non-images', async () => {
    const { $, warnings } = await render([L.upload('nope'), L.upload('pdf')])
    expect($.tags('img')).toHaveLength(0)
    expect($.text()).toContain('[图片缺失：nope]')
    expect($.text()).toContain('[附件：x.pdf]')
    expect(warnings).toHaveLength(2)
  })

  it('refuses data: URIs with a placeholder', async () => {
    const { $, warnings } = await render([L.upload({ url: 'data:image/png;base64,AAAA' })])
    expect($.tags('img')).toHaveLength(0)
    expect(warnings.join()).toContain('data:')
  })
})

describe('tables (case 26)', () => {
  it('wraps in a scrolling section, styles every cell, marks headers and zebra rows', async () => {
    const { $ } = await render([L.table(L.row(L.cell('名', 1), L.cell('价', 1)), L.row(L.cell('甲'), L.cell('1')), L.row(L.cell('乙'), L.cell('2')))])
    const table = $.tags('table')[0]!
    expect(styleOf(table.parent as typeof table)['overflow-x']).toBe('auto')
    expect($.tags('th')).toHaveLength(2)
    for (const c of [...$.tags('th'), ...$.tags('td')]) expect(Object.keys(styleOf(c))).toEqual(expect.arrayContaining(['border', 'padding']))
    const rows = $.tags('tr')
    expect(styleOf(rows[1]!)['background-color']).toBeUndefined()
    expect(styleOf(rows[2]!)['background-color']).toBeDefined()
  })

  it('moves images out of cells to below the table', async () => {
    const t = L.table(L.row({ type: 'tablecell', headerState: 0, children: [L.upload('m1')] }))
    const { $, warnings } = await render([t])
    const img = $.tags('img')[0]!
    expect($.tags('td')[0]!.children.some((c) => textOf(c).includes('表格下方'))).toBe(true)
    expect(img.parent && (img.parent as { name?: string }).name).toBe('section')
    expect($.all((el) => el.name === 'td' && textOf(el).includes('img'))).toHaveLength(0)
    expect(warnings.join()).toContain('表格')
  })
})

describe('unknown nodes', () => {
  it('keeps their text and warns once per type', async () => {
    const { $, warnings } = await render([L.paragraph({ type: 'emoji', text: '🎉' }, { type: 'emoji', text: '✨' })])
    expect($.text()).toContain('🎉✨')
    expect(warnings).toHaveLength(1)
  })
})
