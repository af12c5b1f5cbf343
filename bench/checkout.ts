// Checkout and landing-page throughput against the production server (scripts/server.mjs) on a fresh seeded database.
//   NEXT_DIST_DIR=.next-checkout npx next build   # once
//   NEXT_DIST_DIR=.next-checkout npx tsx bench/checkout.ts      # BENCH_ENGINE=postgres: on a fresh PostgreSQL database
// Reports, all with the same client (bench/crowd.ts), concurrency (200) and crowd: (0) GET /api/users/me as the baseline; (1) 2,000
// checkouts of one hot SKU with ample stock (successful checkouts/s as a ratio to the baseline, p50/p99/max);
// (1b) 1,000 of those buyers tapping 去支付 (the prepay each checkout named, obtained on demand);
// (2) 1,000 buyers on 100 units (exactly 100 sold); (3) /p/<slug> req/s next to the same HTML as a static file. Not a test: numbers depend on the machine; results go in bench/README.md.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

// @ts-expect-error autocannon ships no type declarations
import autocannonModule from 'autocannon'

import { crowdRun } from './crowd'

type Options = Record<string, unknown> & { url: string }
type Result = {
  requests: { average: number }
  latency: { p50: number; p99: number; max: number }
  non2xx: number
  errors: number
  timeouts: number
}
const autocannon = autocannonModule as (opts: Options, cb: (err: Error | null, res: Result) => void) => unknown

const port = Number(process.env.BENCH_PORT || 3202)
const base = `http://127.0.0.1:${port}`
const root = path.resolve(import.meta.dirname, '..')
const seconds = Number(process.env.BENCH_SECONDS || 10)
const buyers = Number(process.env.BENCH_BUYERS || 200)
const attempts = Number(process.env.BENCH_ATTEMPTS || 2000)

async function waitFor(url: string, ms = 180_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`server did not come up at ${url}`)
}

// Buyers arrive as a real crowd does: behind one trusted proxy (TRUST_PROXY=1), each from an address of its own,
// so the per-address abuse limits stay on and a crowd never meets them.
let buyer = 0
// (IPv6 documentation addresses, 2001:db8::/32: only ever a header value, never a destination.)
const ownAddress = () => `2001:db8::${(buyer++).toString(16)}`
const crowd = {
  requests: [{ setupRequest: (req: { headers: Record<string, string> }) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': ownAddress() } }) }],
}

const run = (opts: Options) => new Promise<Result>((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))))

/** BENCH_ENGINE=postgres: the same bench on a fresh PostgreSQL database (POSTGRES_URL's server), dropped after. */
async function benchDatabase(): Promise<{ uri?: string; drop: () => Promise<void> }> {
  if (process.env.BENCH_ENGINE !== 'postgres') return { drop: async () => undefined }
  const { default: pg } = await import('pg')
  const server = process.env.POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test'
  const name = `tuiwen_bench_${Date.now()}`
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: server })
    await client.connect()
    await client.query(text).finally(() => client.end())
  }
  await admin(`CREATE DATABASE ${name}`)
  const uri = new URL(server)
  uri.pathname = `/${name}`
  return { uri: uri.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

async function main() {
  const database = await benchDatabase()
  const server = spawn(process.execPath, [path.join(root, 'scripts/e2e-server.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      E2E_PORT: String(port),
      TUIWEN_JOBS_AUTORUN: 'false',
      TRUST_PROXY: '1',
      ...(database.uri ? { E2E_DATABASE_URI: database.uri } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  process.on('exit', stop)
  try {
    await waitFor(`${base}/api/users/me`)
    const login = await (
      await fetch(`${base}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@tuiwen.demo', password: 'tuiwen-admin-2026' }),
      })
    ).json()
    const auth = { Authorization: `JWT ${login.token}`, 'content-type': 'application/json' }
    const brand = (await (await fetch(`${base}/api/brands?limit=1`, { headers: auth })).json()).docs[0].id
    const mk = async (slug: string, stock: number) =>
      (
        await (
          await fetch(`${base}/api/products`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ title: `秒杀 ${slug}`, slug, brand, price: 9900, stock, status: 'published' }),
          })
        ).json()
      ).doc
    const body = (id: string) => JSON.stringify({ items: [{ product: id, quantity: 1 }], channel: 'native', attribution: { article: 'bench', block: 0 } })

    const post = { method: 'POST', headers: { 'content-type': 'application/json' } }
    const counting = (statuses: Record<number, number>) => ({
      setupClient: (client: { on: (event: string, cb: (status: number) => void) => void }) =>
        client.on('response', (status: number) => void (statuses[status] = (statuses[status] ?? 0) + 1)),
    })

    // warm-up (JIT, sandbox keys, prepared statements)
    const warm = await mk(`bench-warm-${Date.now()}`, 1000)
    await crowdRun({ url: `${base}/api/checkout`, method: 'POST', body: body(warm.id), connections: 20, amount: 300, okStatus: 201, address: ownAddress })
    await crowdRun({ url: `${base}/api/users/me`, connections: 20, amount: 300, okStatus: 200, address: ownAddress })

    // (0) baseline: the same client, concurrency and crowd against GET /api/users/me
    const baseline = await crowdRun({ url: `${base}/api/users/me`, connections: buyers, amount: attempts, okStatus: 200, address: ownAddress })

    // (1) one hot SKU with ample stock: 200 concurrent buyers, 2,000 checkouts
    const hot = await mk(`bench-hot-${Date.now()}`, 1_000_000)
    const hotRes = await crowdRun({
      url: `${base}/api/checkout`,
      method: 'POST',
      body: body(hot.id),
      connections: buyers,
      amount: attempts,
      okStatus: 201,
      address: ownAddress,
    })

    // (1b) the buyers' 去支付: the prepay each checkout named, obtained on demand (POST payment.prepayUrl), once per order
    const sample = Math.min(attempts, 1000)
    const taps: string[] = []
    for (let i = 0; i < sample; i++) {
      const r = await fetch(`${base}/api/checkout`, { ...post, headers: { ...post.headers, 'x-forwarded-for': ownAddress() }, body: body(hot.id) })
      const url = new URL((await r.json()).payment.prepayUrl)
      taps.push(`${url.pathname}${url.search}`)
    }
    const prepayRes = await crowdRun({
      url: `${base}${taps[0]}`,
      method: 'POST',
      paths: taps,
      connections: buyers,
      amount: sample,
      okStatus: 200,
      address: ownAddress,
    })

    // (2) flash sale: 1,000 buyers on 100 units (exactly 100 sold, stock 0)
    const flash = await mk(`bench-flash-${Date.now()}`, 100)
    const flashRes = await crowdRun({
      url: `${base}/api/checkout`,
      method: 'POST',
      body: body(flash.id),
      connections: buyers,
      amount: 1000,
      okStatus: 201,
      address: ownAddress,
    })
    const after = (await (await fetch(`${base}/api/products/${flash.id}?depth=0`, { headers: auth })).json()).stock
    const orders = (await (await fetch(`${base}/api/orders?where[items.product][equals]=${flash.id}&limit=0`, { headers: auth })).json()).totalDocs

    // (0') and (1') with autocannon, for comparison with earlier runs (see bench/crowd.ts for its connection tail)
    const acStatuses: Record<number, number> = {}
    const acBaseline = await run({ url: `${base}/api/users/me`, connections: buyers, amount: attempts, timeout: 30, ...crowd })
    const tac = Date.now()
    const acHot = await run({
      url: `${base}/api/checkout`,
      ...post,
      body: body(hot.id),
      connections: buyers,
      amount: attempts,
      timeout: 30,
      ...crowd,
      ...counting(acStatuses),
    })
    const acHotMs = Date.now() - tac

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
      engine: database.uri ? 'postgres' : 'sqlite',
      client: 'bench/crowd.ts: keep-alive sockets, one address per request',
      baselineUsersMe: { connections: buyers, requests: attempts, reqPerSec: baseline.okPerSec, ...baseline.latency, statuses: baseline.statuses },
      hotSku: {
        connections: buyers,
        attempts,
        statuses: hotRes.statuses,
        errors: hotRes.errors,
        wallMs: hotRes.wallMs,
        successPerSec: hotRes.okPerSec,
        ratioToUsersMe: +(hotRes.okPerSec / baseline.okPerSec).toFixed(2),
        ...hotRes.latency,
      },
      prepayOnTap: {
        connections: buyers,
        taps: sample,
        statuses: prepayRes.statuses,
        perSec: prepayRes.okPerSec,
        ratioToUsersMe: +(prepayRes.okPerSec / baseline.okPerSec).toFixed(2),
        ...prepayRes.latency,
      },
      flashSale: {
        units: 100,
        buyers: 1000,
        connections: buyers,
        statuses: flashRes.statuses,
        wallMs: flashRes.wallMs,
        ordersCreated: orders,
        stockAfter: after,
        ...flashRes.latency,
      },
      autocannon: {
        baselineUsersMe: { reqPerSec: acBaseline.requests.average, p50: acBaseline.latency.p50, p99: acBaseline.latency.p99, max: acBaseline.latency.max },
        hotSku: {
          statuses: acStatuses,
          successPerSec: +((acStatuses[201] ?? 0) / (acHotMs / 1000)).toFixed(1),
          ratioToUsersMe: +((acStatuses[201] ?? 0) / (acHotMs / 1000) / acBaseline.requests.average).toFixed(2),
          p50: acHot.latency.p50,
          p99: acHot.latency.p99,
          max: acHot.latency.max,
        },
      },
      landing: {
        reqPerSec: pageRes.requests.average,
        p50: pageRes.latency.p50,
        p99: pageRes.latency.p99,
        htmlBytes: Buffer.byteLength(html),
        htmlGzipBytes: gz,
      },
      staticSameHtml: { reqPerSec: staticRes.requests.average, p50: staticRes.latency.p50, p99: staticRes.latency.p99 },
    }
    fs.writeFileSync(path.join(root, `bench/out/checkout${database.uri ? '-postgres' : ''}.json`), JSON.stringify(report, null, 2))
    console.log(JSON.stringify(report, null, 2))
  } finally {
    stop()
    await new Promise((r) => setTimeout(r, 1000))
    await database.drop().catch((error: unknown) => console.error('could not drop the bench database:', error))
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
