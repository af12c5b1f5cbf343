// Checkout and landing-page throughput against the production server (scripts/server.mjs) on a fresh seeded database.
//   NEXT_DIST_DIR=.next-checkout npx next build   # once
//   NEXT_DIST_DIR=.next-checkout npx tsx bench/checkout.ts
// Reports: (1) a flash sale: 500 concurrent buyers, one SKU with 500 units, until sold out (+ oversell check);
// (2) sustained checkouts/s for one hot SKU with ample stock at 500 connections; (3) /p/<slug> req/s next to the
// same HTML bytes served as a static file. Not a test: numbers depend on the machine; results go in bench/README.md.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

// @ts-expect-error autocannon ships no type declarations
import autocannonModule from 'autocannon'

type Options = Record<string, unknown> & { url: string }
type Result = {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
}
const autocannon = autocannonModule as (opts: Options, cb: (err: Error | null, res: Result) => void) => unknown

const port = Number(process.env.BENCH_PORT || 3202)
const base = `http://127.0.0.1:${port}`
const root = path.resolve(import.meta.dirname, '..')
const seconds = Number(process.env.BENCH_SECONDS || 10)

async function waitFor(url: string, ms = 180_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`server did not come up at ${url}`)
}

// Buyers arrive as a real crowd does: behind one trusted proxy (TRUST_PROXY=1), each from an address of its own,
// so the per-address abuse limits stay on and a crowd never meets them.
let buyer = 0
// (IPv6 documentation addresses, 2001:db8::/32: only ever a header value, never a destination.)
const ownAddress = () => `2001:db8::${(buyer++).toString(16)}`
const crowd = { requests: [{ setupRequest: (req: { headers: Record<string, string> }) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': ownAddress() } }) }] }

const run = (opts: Options) => new Promise<Result>((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))))

async function main() {
  const server = spawn(process.execPath, [path.join(root, 'scripts/e2e-server.mjs')], {
    cwd: root,
    env: { ...process.env, E2E_PORT: String(port), TUIWEN_JOBS_AUTORUN: 'false', TRUST_PROXY: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM')
    } catch {}
  }
  process.on('exit', stop)
  try {
    await waitFor(`${base}/api/users/me`)
    const login = await (await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@tuiwen.demo', password: 'tuiwen-admin-2026' }) })).json()
    const auth = { Authorization: `JWT ${login.token}`, 'content-type': 'application/json' }
    const brand = (await (await fetch(`${base}/api/brands?limit=1`, { headers: auth })).json()).docs[0].id
    const mk = async (slug: string, stock: number) =>
      (await (await fetch(`${base}/api/products`, { method: 'POST', headers: auth, body: JSON.stringify({ title: `秒杀 ${slug}`, slug, brand, price: 9900, stock, status: 'published' }) })).json()).doc
    const body = (id: string) => JSON.stringify({ items: [{ product: id, quantity: 1 }], channel: 'native', attribution: { article: 'bench', block: 0 } })

    // warm-up (JIT, sandbox keys, prepared statements)
    const warm = await mk(`bench-warm-${Date.now()}`, 1000)
    await run({ url: `${base}/api/checkout`, method: 'POST', headers: { 'content-type': 'application/json' }, body: body(warm.id), connections: 20, amount: 200, ...crowd })

    // (1) flash sale: 500 units, 500 concurrent buyers, 2,000 attempts
    const flash = await mk(`bench-flash-${Date.now()}`, 500)
    const statuses: Record<number, number> = {}
    const t0 = Date.now()
    const flashRes = await run({
      url: `${base}/api/checkout`, method: 'POST', headers: { 'content-type': 'application/json' }, body: body(flash.id), connections: 500, amount: 2000, timeout: 60, ...crowd,
      setupClient: (client: { on: (event: string, cb: (status: number) => void) => void }) =>
        client.on('response', (status: number) => void (statuses[status] = (statuses[status] ?? 0) + 1)),
    })
    const flashMs = Date.now() - t0
    const after = (await (await fetch(`${base}/api/products/${flash.id}?depth=0`, { headers: auth })).json()).stock
    const orders = (await (await fetch(`${base}/api/orders?where[items.product][equals]=${flash.id}&limit=0`, { headers: auth })).json()).totalDocs

    // (2) sustained: ample stock, 500 connections
    const hot = await mk(`bench-hot-${Date.now()}`, 1_000_000)
    const hotRes = await run({ url: `${base}/api/checkout`, method: 'POST', headers: { 'content-type': 'application/json' }, body: body(hot.id), connections: 500, duration: seconds, timeout: 60, ...crowd })

    // (3) landing page vs the same bytes as a static file
    const landing = `${base}/p/mingqian-longjing`
    await fetch(landing)
    const html = await (await fetch(landing)).text()
    const file = path.join(root, 'bench/out/landing.html')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, html)
    const staticServer = http.createServer((req, res) => {
      const data = fs.readFileSync(file)
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': data.length })
      res.end(data)
    })
    await new Promise<void>((r) => staticServer.listen(port + 1, '127.0.0.1', r))
    const pageRes = await run({ url: landing, connections: 50, duration: seconds })
    const staticRes = await run({ url: `http://127.0.0.1:${port + 1}/landing.html`, connections: 50, duration: seconds })
    staticServer.close()
    const gz = (await import('node:zlib')).gzipSync(html).length

    const report = {
      date: new Date().toISOString(),
      node: process.version,
      flashSale: { units: 500, connections: 500, attempts: 2000, statuses, wallMs: flashMs, ordersCreated: orders, stockAfter: after, successPerSec: +(500 / (flashMs / 1000)).toFixed(1), reqPerSec: flashRes.requests.average, p50: flashRes.latency.p50, p99: flashRes.latency.p99 },
      sustainedHotSku: { connections: 500, seconds, checkoutsPerSec: hotRes.requests.average, non2xx: hotRes.non2xx, errors: hotRes.errors, timeouts: hotRes.timeouts, p50: hotRes.latency.p50, p99: hotRes.latency.p99 },
      landing: { reqPerSec: pageRes.requests.average, p50: pageRes.latency.p50, p99: pageRes.latency.p99, htmlBytes: Buffer.byteLength(html), htmlGzipBytes: gz },
      staticSameHtml: { reqPerSec: staticRes.requests.average, p50: staticRes.latency.p50, p99: staticRes.latency.p99 },
    }
    fs.writeFileSync(path.join(root, 'bench/out/checkout.json'), JSON.stringify(report, null, 2))
    console.log(JSON.stringify(report, null, 2))
  } finally {
    stop()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
