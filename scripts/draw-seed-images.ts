// Draws the demo product and article images (committed under src/seed/assets/), so the seed never
// downloads anything. Run again with `npx tsx scripts/draw-seed-images.ts` to redraw them.
import path from 'node:path'

import sharp from 'sharp'

type Drawing = { file: string; bg: [string, string]; body: string }

const cup = (c: string) =>
  `<path d="M250 330 h300 v40 a150 150 0 0 1 -300 0z" fill="${c}"/><path d="M550 360 a45 45 0 1 1 0 90" stroke="${c}" stroke-width="22" fill="none"/><ellipse cx="400" cy="560" rx="220" ry="26" fill="#0002"/>`
const leaf = (c: string, x = 400, y = 300, r = 0) =>
  `<g transform="translate(${x} ${y}) rotate(${r})"><path d="M0 -150 C 120 -80 120 80 0 150 C -120 80 -120 -80 0 -150z" fill="${c}"/><path d="M0 -140 V 140" stroke="#fff8" stroke-width="6"/></g>`
const steam = `<path d="M360 280 c-30 -40 30 -60 0 -110 M420 280 c-30 -40 30 -60 0 -110" stroke="#fff" stroke-width="10" fill="none" opacity=".7"/>`

const drawings: Drawing[] = [
  { file: 'longjing.jpg', bg: ['#dfeccf', '#9cc48a'], body: leaf('#4f8a3c', 330, 300, -25) + leaf('#6aa84f', 470, 320, 20) },
  // The 50g SKU's own picture: one small leaf in a sample tin.
  {
    file: 'longjing-50g.jpg',
    bg: ['#eef5e6', '#b9d7a8'],
    body: `<rect x="280" y="220" width="240" height="280" rx="30" fill="#c9a14a"/><rect x="280" y="200" width="240" height="50" rx="16" fill="#8f6d24"/>${leaf('#4f8a3c', 400, 370, -10).replace('translate(400 370)', 'translate(400 370) scale(.6)')}`,
  },
  { file: 'gaiwan.jpg', bg: ['#f4f1ea', '#d9d2c3'], body: cup('#ffffff') + `<path d="M240 330 q160 -90 320 0z" fill="#eef3f7"/>` },
  { file: 'oolong.jpg', bg: ['#fbe7c6', '#e8a85c'], body: cup('#b5651d') + steam },
  {
    file: 'teapot.jpg',
    bg: ['#efe0d6', '#b57f62'],
    body: `<circle cx="400" cy="380" r="170" fill="#7a3b22"/><rect x="360" y="180" width="80" height="40" rx="12" fill="#5e2c18"/><path d="M570 380 q110 -40 120 -140" stroke="#7a3b22" stroke-width="34" fill="none"/><path d="M230 330 a60 60 0 1 0 0 120" stroke="#5e2c18" stroke-width="26" fill="none"/>`,
  },
  {
    file: 'tray.jpg',
    bg: ['#f2ead8', '#c9b27c'],
    body: `<rect x="150" y="300" width="500" height="180" rx="24" fill="#a47c3b"/>${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<rect x="${175 + i * 58}" y="320" width="34" height="140" rx="10" fill="#c79a52"/>`).join('')}`,
  },
  {
    file: 'travel-set.jpg',
    bg: ['#e3eef6', '#8fb3cc'],
    body: `<rect x="170" y="220" width="460" height="300" rx="30" fill="#2f5d7c"/><rect x="200" y="250" width="400" height="240" rx="20" fill="#e8f1f7"/>${cup('#2f5d7c').replace(/translate|/g, '')}`
      .replace('M250 330', 'M300 360')
      .replace('M550 360', 'M500 380'),
  },
  {
    file: 'article-hills.jpg',
    bg: ['#d7ecf5', '#fdf6e3'],
    body: `<path d="M0 480 Q200 300 400 440 T800 400 V600 H0z" fill="#6aa84f"/><path d="M0 540 Q260 420 520 520 T800 500 V600 H0z" fill="#4f8a3c"/><circle cx="640" cy="140" r="60" fill="#f6c344"/>`,
  },
  {
    file: 'article-brew.jpg',
    bg: ['#fff4e0', '#f1c27d'],
    body: cup('#ffffff') + steam + leaf('#6aa84f', 640, 170, 40).replace('-150', '-90').replace('150z', '90z'),
  },
  {
    file: 'article-market.jpg',
    bg: ['#fde8e4', '#f4a89a'],
    body: [0, 1, 2]
      .map(
        (i) =>
          `<rect x="${110 + i * 210}" y="230" width="170" height="260" rx="16" fill="${['#c0392b', '#e67e22', '#27ae60'][i]}"/><rect x="${130 + i * 210}" y="260" width="130" height="60" rx="8" fill="#fff9"/>`,
      )
      .join(''),
  },
  {
    file: 'coffee-beans.jpg',
    bg: ['#efe4d8', '#8d6e63'],
    body: [
      [300, 300],
      [470, 280],
      [390, 420],
    ]
      .map(
        ([x, y]) =>
          `<ellipse cx="${x}" cy="${y}" rx="90" ry="62" fill="#4e342e" transform="rotate(-20 ${x} ${y})"/><path d="M${x - 60} ${y + 10} q60 -40 120 -20" stroke="#d7ccc8" stroke-width="8" fill="none"/>`,
      )
      .join(''),
  },
]

const out = path.resolve(process.cwd(), 'src/seed/assets')
for (const d of drawings) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${d.bg[0]}"/><stop offset="1" stop-color="${d.bg[1]}"/></linearGradient></defs><rect width="800" height="600" fill="url(#g)"/>${d.body}</svg>`
  await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toFile(path.join(out, d.file))
  console.log('drew', d.file)
}
