// node scripts/icons.mjs: draws Tuiwen's icons into public/ (committed; run again only to change the mark).
// favicon.ico holds one 32×32 PNG: the ICO container is six header bytes and one 16-byte directory entry, written
// here because no maintained library is needed for that and sharp cannot write ICO.
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const out = (name) => path.join(root, 'public', name)
// The mark: 推 in white on WeChat green, rounded like an app icon. The glyph is drawn as text, so the machine
// that runs this needs a CJK font (CI installs fonts-wqy-microhei); the PNGs it writes need none.
const svg =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#07c160"/>` +
  `<text x="32" y="45" font-size="38" font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif" font-weight="700" fill="#fff" text-anchor="middle">推</text></svg>`

fs.mkdirSync(path.join(root, 'public'), { recursive: true })
fs.writeFileSync(out('icon.svg'), svg)
const png = (size) =>
  sharp(Buffer.from(svg), { density: 72 * (size / 64) * 4 })
    .resize(size, size)
    .png()
    .toBuffer()
fs.writeFileSync(out('apple-touch-icon.png'), await png(180))
fs.writeFileSync(out('icon-512.png'), await png(512))

const small = await png(32)
const header = Buffer.alloc(22)
header.writeUInt16LE(0, 0) // reserved
header.writeUInt16LE(1, 2) // type: icon
header.writeUInt16LE(1, 4) // one image
header.writeUInt8(32, 6) // width
header.writeUInt8(32, 7) // height
header.writeUInt16LE(1, 10) // colour planes
header.writeUInt16LE(32, 12) // bits per pixel
header.writeUInt32LE(small.length, 14)
header.writeUInt32LE(22, 18) // the PNG starts right after this header
fs.writeFileSync(out('favicon.ico'), Buffer.concat([header, small]))
console.log('Wrote public/favicon.ico, icon.svg, apple-touch-icon.png, icon-512.png')
