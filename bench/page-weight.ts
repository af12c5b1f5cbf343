// Page weight of the reader pages against the budget (#16: ≤ 50 KB gzipped before images): the HTML plus every
// same-origin script and stylesheet it loads, each gzipped as a server would send it. Not a test: it reports.
//   npx tsx bench/page-weight.ts                       # starts the production server on a fresh seeded database
//   BENCH_BASE=http://127.0.0.1:3000 npx tsx bench/page-weight.ts   # or measures a server already running
// Writes bench/out/page-weight.json; results go in bench/README.md.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export const BUDGET_BYTES = 50 * 1024
const PAGES = ['/p/mingqian-longjing', '/a/spring-longjing-guide', '/c/shanye-tea-club', '/s/shanye-tea', '/p/mingqian-longjing/confirm?variant=LJ-250G']

const root = path.resolve(import.meta.dirname, '..')
const port = Number(process.env.BENCH_PORT || 3203)

/** Same-origin scripts and stylesheets an HTML page loads (src/href starting with `/`, not `//`). */
export function assetsOf(html: string): string[] {
  const found = new Set<string>()
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="(\/[^"/][^"]*)"/g)) found.add(m[1]!)
  for (const m of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload|preload)"[^>]*>/g)) {
    const tag = m[0]
    const href = /\bhref="(\/[^"/][^"]*)"/.exec(tag)?.[1]
    const as = /\bas="([^"]+)"/.exec(tag)?.[1]
    if (href && (!as || as === 'script' || as === 'style')) found.add(href.replace(/&amp;/g, '&'))
  }
  return [...found]
}

const gzipped = (body: Buffer) => gzipSync(body).length

async function weigh(base: string, page: string) {
  const html = Buffer.from(await (await fetch(`${base}${page}`)).arrayBuffer())
  const assets = await Promise.all(
    assetsOf(html.toString('utf8')).map(async (href) => {
      const body = Buffer.from(await (await fetch(`${base}${href}`)).arrayBuffer())
      return { href, bytes: body.length, gzipped: gzipped(body) }
    }),
  )
  const total = gzipped(html) + assets.reduce((n, a) => n + a.gzipped, 0)
  return { page, html: { bytes: html.length, gzipped: gzipped(html) }, assets, total, overBudget: total > BUDGET_BYTES }
}

async function serve(): Promise<{ base: string; stop: () => void }> {
  if (process.env.BENCH_BASE) return { base: process.env.BENCH_BASE.replace(/\/$/, ''), stop: () => undefined }
  const server = spawn(process.execPath, [path.join(root, 'scripts/e2e-server.mjs')], { env: { ...process.env, E2E_PORT: String(port) }, stdio: 'inherit' })
  const base = `http://127.0.0.1:${port}`
  const until = Date.now() + 180_000
  while (Date.now() < until) {
    if (
      await fetch(`${base}/api/users/me`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return { base, stop: () => server.kill('SIGTERM') }
    await new Promise((r) => setTimeout(r, 500))
  }
  server.kill('SIGTERM')
  throw new Error('the server did not start')
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const { base, stop } = await serve()
  try {
    const results = []
    for (const page of PAGES) results.push(await weigh(base, page))
    console.log(`| Page | HTML (gzipped) | same-origin JS + CSS (gzipped, files) | total | vs ${kb(BUDGET_BYTES)} budget |`)
    console.log('| --- | ---: | ---: | ---: | ---: |')
    for (const r of results) {
      const assets = r.assets.reduce((n, a) => n + a.gzipped, 0)
      console.log(`| \`${r.page}\` | ${kb(r.html.gzipped)} | ${kb(assets)} (${r.assets.length}) | ${kb(r.total)} | ${(r.total / BUDGET_BYTES).toFixed(2)}× |`)
    }
    fs.mkdirSync(path.join(root, 'bench/out'), { recursive: true })
    fs.writeFileSync(path.join(root, 'bench/out/page-weight.json'), JSON.stringify(results, null, 2))
  } finally {
    stop()
  }
}
