/**
 * npx tsx bench/render-wechat.ts [--write]
 * Renders a long article (≈2,500 Chinese characters, 8 product cards, 10 images) many times. Baselines measured in
 * the same run: the same article without product blocks, and JSON.stringify of the input, so figures are ratios.
 * --write replaces the "## WeChat renderer" section of bench/README.md with the results.
 */
import fs from 'node:fs'
import path from 'node:path'

import { type RenderInput, renderWechatArticle } from '../src/wechat/render'

const SENTENCE = '清晨的营地还笼着薄雾，我们把帐篷支在溪边的草地上，炉火一点着，咖啡的香气就散开了。'
const t = (text: string, format = 0) => ({ type: 'text', text, format, style: '', mode: 'normal', detail: 0, version: 1 })
const p = (...children: unknown[]) => ({ type: 'paragraph', children, format: '', indent: 0, version: 1 })

function article(withBlocks: boolean): RenderInput {
  const children: unknown[] = [{ type: 'heading', tag: 'h1', children: [t('春季露营装备长文')] }]
  const media: RenderInput['media'] = {}
  const products: RenderInput['products'] = {}
  for (let i = 0; i < 10; i++) media[`m${i}`] = { id: `m${i}`, url: `/api/media/file/photo-${i}.jpg`, width: 1080, height: 720, alt: `图${i}` }
  for (let i = 0; i < 8; i++) {
    products[`p${i}`] = {
      id: `p${i}`,
      title: `露营好物 ${i + 1} 号`,
      slug: `item-${i}`,
      price: 12900 + i * 1000,
      compareAtPrice: 19900 + i * 1000,
      sellingPoints: [{ text: '轻便易携' }, { text: '三年质保' }],
      images: [`m${i}`],
      stock: 10,
      status: 'published',
    }
  }
  // 30 paragraphs × ~84 CJK characters ≈ 2,500 characters of body text.
  for (let i = 0; i < 30; i++) {
    if (i % 3 === 0) children.push({ type: 'heading', tag: 'h2', children: [t(`第 ${i / 3 + 1} 部分`)] })
    children.push(
      p(
        t(SENTENCE),
        t('重点提示', 1),
        t(SENTENCE.slice(0, 20)),
        { type: 'link', fields: { url: `https://example.com/ref/${i % 5}`, linkType: 'custom' }, children: [t('参考资料')] },
        t(SENTENCE.slice(20)),
      ),
    )
    if (i < 10) children.push({ type: 'upload', relationTo: 'media', value: `m${i}` })
    if (withBlocks && i < 8) children.push({ type: 'block', fields: { blockType: 'productCard', product: `p${i}`, layout: i % 2 ? 'small' : 'large' } })
  }
  return { title: '春季露营装备长文', articleId: 'bench', content: { root: { type: 'root', children } }, products, media, baseUrl: 'https://shop.example.com' }
}

async function measure(label: string, fn: () => unknown | Promise<unknown>, iterations: number) {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn()
  const times: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint()
    await fn()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  return { label, median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! }
}

async function main() {
  const full = article(true)
  const plain = article(false)
  const iterations = 200
  const rFull = await renderWechatArticle(full)
  const rPlain = await renderWechatArticle(plain)
  const json = await measure('JSON.stringify(input) (baseline)', () => JSON.stringify(full), iterations)
  const noBlocks = await measure('render, same article without product cards (baseline)', () => renderWechatArticle(plain), iterations)
  const withBlocks = await measure('render, full article (8 cards, 10 images)', () => renderWechatArticle(full), iterations)
  // A hostile size (src/wechat/render/hostile.spec.ts checks its output): 2,500 paragraphs, 10,000 nodes.
  const huge = {
    ...plain,
    content: { root: { type: 'root', children: Array.from({ length: 2500 }, (_, i) => p(t(`段${i}`), t('粗', 1), { type: 'linebreak', version: 1 })) } },
  }
  const hugeDoc = await measure('render, 10,000-node document (2,500 paragraphs)', () => renderWechatArticle(huge), 10)
  const textChars = (JSON.stringify(full.content).match(/[\u4e00-\u9fff]/g) ?? []).length
  const rows = [json, noBlocks, withBlocks, hugeDoc]
    .map((r) => `| ${r.label} | ${r.median.toFixed(2)} | ${r.p95.toFixed(2)} | ${(r.median / json.median).toFixed(1)}× |`)
    .join('\n')
  const section = `## WeChat renderer

\`npx tsx bench/render-wechat.ts\` — ${iterations} timed runs after warm-up, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.
Article: ${textChars} CJK characters of text, 8 product cards (QR buy path), 10 images, footnoted links.

| Case | median ms | p95 ms | vs JSON.stringify |
| --- | ---: | ---: | ---: |
${rows}

Full render is ${(withBlocks.median / noBlocks.median).toFixed(2)}× the no-cards render.

| Output | HTML chars | UTF-8 bytes | \`<img>\` | vs input JSON size |
| --- | ---: | ---: | ---: | ---: |
| full article | ${rFull.stats.chars} | ${rFull.stats.bytes} | ${rFull.stats.images} | ${(rFull.stats.bytes / Buffer.byteLength(JSON.stringify(full))).toFixed(2)}× |
| without cards | ${rPlain.stats.chars} | ${rPlain.stats.bytes} | ${rPlain.stats.images} | ${(rPlain.stats.bytes / Buffer.byteLength(JSON.stringify(plain))).toFixed(2)}× |

draft/add allows < 20,000 HTML characters (tags and inline styles count): this article uses ${((rFull.stats.chars / 20000) * 100).toFixed(0)}% of it, about ${Math.round((rFull.stats.chars - rPlain.stats.chars) / 8)} characters per product card.
`
  process.stdout.write(section)
  if (process.argv.includes('--write')) {
    const file = path.resolve(import.meta.dirname ?? __dirname, 'README.md')
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n'
    const re = /## WeChat renderer\n[\s\S]*?(?=\n## |$)/
    const next = re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}`
    fs.writeFileSync(file, next)
  }
}

void main()
