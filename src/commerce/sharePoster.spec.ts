// The share poster's pure parts (the URL its QR code encodes, which query it accepts, the title's lines, escaping)
// and its drawing: a PNG of the poster's size, whatever the title holds.
import fs from 'node:fs'

import QRCode from 'qrcode'
import sharp from 'sharp'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { drawPoster, escapeXml, POSTER_HEIGHT, POSTER_WIDTH, posterQuery, posterUrl, sharerOf, wrapTitle } from './sharePoster'

afterEach(() => vi.restoreAllMocks())

const product = {
  variants: [
    { sku: '250G', name: '250g 罐装', stock: 3 },
    { sku: 'S50', name: '50g 尝鲜装', price: 6800, stock: 9 },
  ],
}
const q = (s: string) => posterQuery(product, new URLSearchParams(s))

describe('posterUrl', () => {
  it("is the product's public page, with sku and sharer when given", () => {
    expect(posterUrl('https://shop.example', 'mingqian-longjing')).toBe('https://shop.example/p/mingqian-longjing')
    expect(posterUrl('https://shop.example', 'mingqian-longjing', { sku: 'S50', sharer: 'o_Abc-123' })).toBe(
      'https://shop.example/p/mingqian-longjing?sku=S50&sharer=o_Abc-123',
    )
    expect(posterUrl('http://localhost:3000', '春茶')).toBe('http://localhost:3000/p/%E6%98%A5%E8%8C%B6')
  })
})

describe('posterQuery', () => {
  it('keeps a SKU of the product and a well-formed sharer', () => {
    expect(q('sku=S50&sharer=reader_1')).toEqual({ sku: 'S50', sharer: 'reader_1' })
  })
  it('ignores a malformed SKU, a SKU the product does not have, and a malformed sharer', () => {
    expect(q('sku=<script>&sharer=a b')).toEqual({})
    expect(q('sku=NOPE')).toEqual({})
    expect(q(`sharer=${'x'.repeat(65)}`)).toEqual({})
    expect(q('sharer=a%26b%3Dc')).toEqual({})
    expect(posterQuery({ variants: null }, new URLSearchParams('sku=S50&sharer=ok'))).toEqual({ sharer: 'ok' })
  })
  it('sharer: letters, digits, _ and -, 1 to 64 characters', () => {
    expect(sharerOf('A-z_09')).toBe('A-z_09')
    expect(sharerOf('x'.repeat(64))).toBe('x'.repeat(64))
    for (const bad of ['', 'x'.repeat(65), 'a.b', '读者', null, undefined, 42]) expect(sharerOf(bad)).toBeUndefined()
  })
})

describe('escapeXml and wrapTitle', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;')
  })
  it('wraps a long title in two lines, the second cut with …', () => {
    expect(wrapTitle('明前龙井', 10)).toEqual(['明前龙井'])
    const lines = wrapTitle('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯', 10)
    expect(lines).toEqual(['一二三四五六七八九十', '甲乙丙丁戊己庚辛壬…'])
    // ASCII is narrower: 20 digits fit in 10 em and more
    expect(wrapTitle('12345678901234567', 10)).toEqual(['12345678901234567'])
    expect(wrapTitle('', 10)).toEqual([])
    // one line (the brand beside the QR code): cut with …
    expect(wrapTitle('一二三四五六七八九十甲乙', 10, 1)).toEqual(['一二三四五六七八九…'])
  })
})

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: '#4f8a3c' } })
    .jpeg()
    .toBuffer()
}

describe('drawPoster', () => {
  it(`draws a ${POSTER_WIDTH}×${POSTER_HEIGHT} PNG with the image, and the QR code encodes the given URL`, async () => {
    const encode = vi.spyOn(QRCode, 'toBuffer')
    const png = await drawPoster({
      title: '明前龙井 250g 罐装 · 山野茶事春茶头采，一芽一叶，豆香清雅，回甘持久',
      price: 26800,
      compareAtPrice: 32800,
      brandName: '山野茶事',
      image: await photo(),
      url: 'https://shop.example/p/mingqian-longjing?sku=S50',
    })
    const meta = await sharp(png).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', POSTER_WIDTH, POSTER_HEIGHT])
    expect(encode).toHaveBeenCalledWith('https://shop.example/p/mingqian-longjing?sku=S50', expect.objectContaining({ type: 'png' }))
    // the image's green is at the top, the page's white at the bottom left
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true })
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]
    expect(at(375, 300)).toEqual([0x4f, 0x8a, 0x3c].map((v) => expect.closeTo(v, -1)))
    expect(at(5, POSTER_HEIGHT - 5)).toEqual([255, 255, 255])
    if (process.env.POSTER_OUT) fs.writeFileSync(process.env.POSTER_OUT, png)
  })

  it('a title with <&> and quotes, no image, no brand: still a poster', async () => {
    const png = await drawPoster({
      title: `<b>"茶" & 'tea'</b> ]]> <!--`,
      price: 100,
      compareAtPrice: null,
      brandName: null,
      image: null,
      url: 'http://localhost:3000/p/x',
    })
    const meta = await sharp(png).metadata()
    expect([meta.width, meta.height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT])
  })

  it('an image sharp cannot read is left out', async () => {
    const png = await drawPoster({
      title: '茶',
      price: 100,
      compareAtPrice: null,
      brandName: '品牌',
      image: Buffer.from('not an image'),
      url: 'http://localhost:3000/p/x',
    })
    expect((await sharp(png).metadata()).width).toBe(POSTER_WIDTH)
  })
})
