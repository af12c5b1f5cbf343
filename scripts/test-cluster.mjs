// `npm run test:cluster`: two production instances of the app behind nginx (round-robin) on one PostgreSQL, on
// loopback, with one standalone WeChat Pay emulator (scripts/cluster/wechatpay.ts) as the live merchant's WeChat Pay
// and one Official Account emulator (scripts/cluster/wechat-oa.ts) as the seeded 公众号's WeChat.
// Checks, one line each with its numbers:
//   0. a product edited through instance A shows its new title on B's cached page within seconds (page signals);
//   1. flash sale: 1,000 buyers (100 at a time, each from an address of its own) on 100 units through nginx →
//      exactly 100 × 201 and 900 × 409 OUT_OF_STOCK, 100 orders, stock 0, and both instances answered;
//   2. kill -9 of one instance mid-sale while buyers pay: every order WeChat Pay considers paid ends `paid` (its
//      notify retries reach the surviving instance), and once the payment window ran out and the expiry job ran,
//      stock + units in paid orders == the initial stock, with no order left pending;
//   3. with the killed instance back, pushes planned for now are published exactly once each although both
//      instances' job runners find them due (one draft/add and one freepublish/submit each at a standalone Official
//      Account emulator).
// Skips (exit 0, saying why) without PostgreSQL (POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test) or
// nginx (NGINX_BIN, PATH, /usr/sbin). Uses the production build of `npm start` and the e2e run (NEXT_DIST_DIR, default .next), built unless it is newer
// than the sources. Every child process and the throwaway database are removed on exit, failed or not
// (CLUSTER_KEEP=1 keeps the temp dir with the logs).
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { findNginx, startNginx, writeNginxConf } from './cluster/nginx.mjs'

const { bin, buildIfStale, clearPageCache, root, seedOrFail } = await import('./lib/app.mjs')

const POSTGRES_URL = process.env.POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test'
const FLASH_BUYERS = 1000
const FLASH_UNITS = 100
const FLASH_CONCURRENCY = 100
const KILL_BUYERS = 400
const KILL_UNITS = 100
const KILL_CONCURRENCY = 40
/** The sale of check 2 kills instance B once this many checkouts succeeded. */
const KILL_AFTER = 30
/** Payment window of check 2's orders (the flash sale's product has its own hour, so nothing expires mid-check). */
const PAYMENT_WINDOW_MS = 30_000
/** Pushes planned for the same minute in check 3. */
const PUSHES = 3

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const started = Date.now()
const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`
const say = (line) => console.log(`[cluster ${since(started).padStart(7)}] ${line}`)

// ---------------------------------------------------------------------------------------------------------- skips
const nginxBin = findNginx()
if (!nginxBin) {
  console.log('Cluster test skipped: nginx not found (install it with `apt-get install -y nginx`, or set NGINX_BIN).')
  process.exit(0)
}
try {
  const probe = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 })
  await probe.connect()
  await probe.end()
} catch (error) {
  console.log(`Cluster test skipped: no PostgreSQL at ${POSTGRES_URL.replace(/\/\/[^@]*@/, '//')} (${error.message}); start it or set POSTGRES_URL.`)
  process.exit(0)
}

// -------------------------------------------------------------------------------------------- children and cleanup
/** Every child runs in a process group of its own, killed as a whole (tsx and nginx have children of their own). */
const children = new Set()
function track(child, name) {
  child.clusterName = name
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}
const killGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}
const exited = (child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve)))

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tuiwen-cluster-'))
const databaseName = `tuiwen_cluster_${crypto.randomBytes(4).toString('hex')}`
const databaseUri = (() => {
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${databaseName}`
  return url.toString()
})()
let databaseCreated = false
/** The harness's own connection to the cluster's database, for the checks. */
let db

async function admin(sql) {
  const client = new pg.Client({ connectionString: POSTGRES_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

let cleaned
function cleanup() {
  cleaned ??= (async () => {
    for (const child of children) killGroup(child, 'SIGTERM')
    await Promise.race([Promise.all([...children].map(exited)), sleep(8000)])
    for (const child of children) killGroup(child, 'SIGKILL')
    await db?.end().catch(() => undefined)
    if (databaseCreated)
      await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch((e) => console.error(`could not drop ${databaseName}: ${e.message}`))
    if (process.env.CLUSTER_KEEP === '1') console.log(`Logs kept in ${tmp}`)
    else fs.rmSync(tmp, { recursive: true, force: true })
  })()
  return cleaned
}
process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL')
})
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the cluster…`)
    void cleanup().finally(() => process.exit(130))
  })
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

async function waitFor(url, what, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      await response.arrayBuffer()
      if (response.status < 500) return
    } catch {
      // not up yet
    }
    await sleep(500)
  }
  throw new Error(`${what} did not come up at ${url} within ${timeoutMs / 1000} s`)
}

// ------------------------------------------------------------------------------------------------------- the checks
const results = []
function check(ok, line) {
  results.push(ok)
  console.log(`${ok ? 'PASS' : 'FAIL'} ${line}`)
}

const instances = []

/**
 * The buyer taps 去支付 (the checkout answer's prepayUrl, through nginx: either instance may answer) and pays at
 * WeChat Pay. `{ ok: false, message }` when the prepay or the payment was refused.
 */
async function tapToPay(emulatorApi, origin, payment, address) {
  const url = new URL(payment.prepayUrl)
  try {
    const response = await fetch(`${origin}${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'x-forwarded-for': address },
      signal: AbortSignal.timeout(30_000),
    })
    if (response.status !== 200) return { ok: false, message: `prepay HTTP ${response.status}` }
  } catch (error) {
    return { ok: false, message: `prepay ${error.name}` }
  }
  return emulatorApi.pay(payment.outTradeNo)
}

/** Buyers through nginx: `concurrency` at a time, buyer i from address 2001:db8::c:i (a client-side proxy's hop). */
async function crowd({ origin, total, concurrency, product, onAnswer }) {
  const tally = { statuses: {}, codes: {}, upstreams: {}, answers: [] }
  let next = 0
  async function buyer(i) {
    const address = `2001:db8::c:${i.toString(16)}`
    let status = 0
    let upstream = 'none'
    let body
    try {
      const response = await fetch(`${origin}/api/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({
          items: [{ product, quantity: 1 }],
          channel: 'native',
          buyer: { name: `买家 ${i}`, phone: `139${String(i).padStart(8, '0')}` },
        }),
        signal: AbortSignal.timeout(60_000),
      })
      status = response.status
      upstream = response.headers.get('x-upstream') ?? 'none'
      body = await response.json().catch(() => undefined)
    } catch (error) {
      body = { error: { code: `FETCH_${error.name}` } }
    }
    tally.statuses[status] = (tally.statuses[status] ?? 0) + 1
    // nginx names every upstream it tried; the last one answered.
    const answered = upstream.split(', ').at(-1)
    tally.upstreams[answered] = (tally.upstreams[answered] ?? 0) + 1
    const code = status === 201 ? 'CREATED' : (body?.error?.code ?? `HTTP_${status}`)
    tally.codes[code] = (tally.codes[code] ?? 0) + 1
    const answer = { i, status, upstream: answered, body }
    tally.answers.push(answer)
    await onAnswer?.(answer, tally)
  }
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await buyer(next++)
    }),
  )
  return tally
}

const fmt = (counts) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')

async function productState(productId) {
  const stock = Number((await db.query('SELECT stock FROM products WHERE id = $1', [productId])).rows[0].stock)
  const rows = (
    await db.query(
      `SELECT o.status, count(DISTINCT o.id)::int AS orders, COALESCE(sum(i.quantity), 0)::int AS units
         FROM orders o JOIN orders_items i ON i._parent_id = o.id WHERE i.product_id = $1 GROUP BY o.status`,
      [productId],
    )
  ).rows
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, { orders: r.orders, units: r.units }]))
  const orders = rows.reduce((n, r) => n + r.orders, 0)
  return { stock, orders, byStatus, of: (status) => byStatus[status] ?? { orders: 0, units: 0 } }
}

/** Runs a tsx helper of scripts/cluster/ that prints `{"url": …}` once it listens; returns the URL. */
async function startHelper(script, args, name) {
  const child = track(spawn(bin('tsx'), [script, ...args], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'inherit'] }), name)
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (line) resolve(JSON.parse(line).url)
    })
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)))
  })
}

async function main() {
  await buildIfStale()
  clearPageCache()

  await admin(`CREATE DATABASE "${databaseName}"`)
  databaseCreated = true
  say(`database ${databaseName}, temp dir ${tmp}`)

  // The standalone WeChat Pay.
  const keysDir = path.join(tmp, 'wechatpay')
  const wechatpayUrl = await startHelper('scripts/cluster/wechatpay.ts', [keysDir], 'WeChat Pay emulator')
  const meta = JSON.parse(fs.readFileSync(path.join(keysDir, 'wechatpay-sandbox.json'), 'utf8'))
  const emulatorApi = {
    pay: async (outTradeNo) =>
      (
        await fetch(`${wechatpayUrl}/__cluster/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outTradeNo }) })
      ).json(),
    state: async () => (await fetch(`${wechatpayUrl}/__cluster/state`)).json(),
  }
  say(`WeChat Pay emulator at ${wechatpayUrl}`)

  const [nginxPort, portA, portB] = [await freePort(), await freePort(), await freePort()]
  const origin = `http://127.0.0.1:${nginxPort}`
  const adminLogin = { email: 'cluster-admin@tuiwen.test', password: crypto.randomBytes(12).toString('hex') }
  const env = {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    DATABASE_URI: databaseUri,
    DATABASE_POOL_MAX: '10',
    // One media dir for both instances (in production: a shared volume or object storage).
    MEDIA_DIR: path.join(tmp, 'media'),
    TUIWEN_SANDBOX: '0',
    NEXT_PUBLIC_SERVER_URL: origin,
    // nginx, and in front of it the simulated client-side proxy that names each buyer's address.
    TRUST_PROXY: '2',
    TUIWEN_PAYMENT_WINDOW_MS: String(PAYMENT_WINDOW_MS),
    SEED_ADMIN_EMAIL: adminLogin.email,
    SEED_ADMIN_PASSWORD: adminLogin.password,
    WECHATPAY_API_BASE: wechatpayUrl,
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_APPID: 'wx8888888888888888',
    WECHATPAY_SERIAL_NO: meta.merchantSerialNo,
    WECHATPAY_PRIVATE_KEY_PATH: path.join(keysDir, 'wechatpay-merchant-key.pem'),
    WECHATPAY_APIV3_KEY: meta.apiV3Key,
    WECHATPAY_NOTIFY_URL: `${origin}/api/wechatpay/notify`,
    WECHATPAY_PUBLIC_KEY_ID: meta.platformPublicKeyId,
    WECHATPAY_PUBLIC_KEY_PATH: path.join(keysDir, 'wechatpay-platform-public.pem'),
  }

  // Migrations (production applies them on connect) and the demo seed, once, before any instance boots.
  let t = Date.now()
  await seedOrFail(env)
  say(`migrated and seeded in ${since(t)}`)
  db = new pg.Client({ connectionString: databaseUri })
  await db.connect()
  const query = async (sql, params) => (await db.query(sql, params)).rows

  const nginxDir = path.join(tmp, 'nginx')
  const conf = writeNginxConf(nginxDir, { port: nginxPort, upstreams: [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`] })
  track(startNginx(nginxBin, nginxDir, conf), 'nginx')

  // The standalone Official Account platform, for the seeded account (its 沙箱 box is unticked below).
  const oaAccount = (await query(`SELECT id, app_id FROM wechat_accounts ORDER BY created_at LIMIT 1`))[0]
  const oaSecret = crypto.randomBytes(16).toString('hex')
  const oaUrl = await startHelper('scripts/cluster/wechat-oa.ts', [oaAccount.app_id, oaSecret], 'Official Account emulator')
  const oaState = async () => (await fetch(`${oaUrl}/__cluster/state`)).json()
  say(`Official Account emulator at ${oaUrl}`)

  const startInstance = (instance) => {
    const log = fs.openSync(instance.log, 'a')
    const child = spawn(process.execPath, [path.join(root, 'scripts/server.mjs')], {
      cwd: root,
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ...env, WECHAT_API_BASE: oaUrl, PORT: String(instance.port), HOSTNAME_BIND: '127.0.0.1' },
    })
    fs.closeSync(log)
    instance.child = track(child, `app ${instance.name}`)
    return waitFor(`http://${instance.address}/api/users/me`, `instance ${instance.name}`)
  }
  t = Date.now()
  for (const [name, port] of [
    ['A', portA],
    ['B', portB],
  ]) {
    instances.push({ name, port, address: `127.0.0.1:${port}`, log: path.join(tmp, `app-${name}.log`) })
  }
  await Promise.all(instances.map(startInstance))
  await waitFor(`${origin}/api/users/me`, 'nginx')
  say(`instances A (${portA}) and B (${portB}) up in ${since(t)}, nginx on ${nginxPort}`)

  const login = await (
    await fetch(`${origin}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(adminLogin) })
  ).json()
  if (!login.token) throw new Error(`admin login failed: ${JSON.stringify(login)}`)
  const auth = { authorization: `JWT ${login.token}`, 'content-type': 'application/json' }
  const brand = (await (await fetch(`${origin}/api/brands?limit=1&depth=0`, { headers: auth })).json()).docs[0].id
  async function createProduct(slug, stock, extra = {}) {
    const response = await fetch(`${origin}/api/products`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: `集群 ${slug}`, slug: `${slug}-${Date.now()}`, brand, price: 990, stock, status: 'published', ...extra }),
    })
    const body = await response.json()
    if (!body.doc?.id) throw new Error(`creating product ${slug} failed (${response.status}): ${JSON.stringify(body)}`)
    return body.doc.id
  }

  // The seeded account talks to the standalone Official Account platform now, with the secret it knows.
  const accountUpdate = await fetch(`${origin}/api/wechat-accounts/${oaAccount.id}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ sandbox: false, appSecret: oaSecret }),
  })
  if (!accountUpdate.ok) throw new Error(`unticking the account's 沙箱 failed (${accountUpdate.status}): ${await accountUpdate.text()}`)
  const seededPush = (await (await fetch(`${origin}/api/pushes?limit=1&depth=0&sort=createdAt`, { headers: auth })).json()).docs[0]
  /**
   * Plans PUSHES pushes of the seeded push's articles to 发表 now (the seeded one and copies): the job runners of both
   * instances find them due at the same minute, and each is a chance for both to take the same job.
   */
  const pushIds = [seededPush.id]
  async function schedulePushes() {
    for (let n = 1; n < PUSHES; n++) {
      const response = await fetch(`${origin}/api/pushes`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ title: `集群推送 ${n}`, account: oaAccount.id, brand: seededPush.brand, articles: seededPush.articles }),
      })
      const body = await response.json()
      if (!body.doc?.id) throw new Error(`creating push ${n} failed (${response.status}): ${JSON.stringify(body)}`)
      pushIds.push(body.doc.id)
    }
    for (const id of pushIds) {
      const response = await fetch(`${origin}/api/pushes/${id}`, {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ scheduledAt: new Date(Date.now() + 1000).toISOString(), scheduledAction: 'publish' }),
      })
      if (!response.ok) throw new Error(`scheduling push ${id} failed (${response.status}): ${await response.text()}`)
    }
    say(`${pushIds.length} pushes planned to publish now`)
  }

  if (process.env.CLUSTER_BENCH === '1') {
    await benchInstances({ origin, nginxBin, tmp, createProduct })
    return
  }

  // ----------------------------------------------------------------- 0. a changed page is fresh on every instance
  {
    const slug = `page-${Date.now()}`
    const response = await fetch(`${origin}/api/products`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: '集群旧标题', slug, brand, price: 990, stock: 5, status: 'published' }),
    })
    const id = (await response.json()).doc?.id
    const pageOn = async (instance) => (await fetch(`http://${instance.address}/p/${slug}`)).text()
    // Both instances render and cache the page (ISR: served from each one's own cache for 5 minutes).
    for (const instance of instances) for (let i = 0; i < 2; i++) await pageOn(instance)
    const cachedOld = (await Promise.all(instances.map(pageOn))).every((html) => html.includes('集群旧标题'))
    t = Date.now()
    const edit = await fetch(`http://${instances[0].address}/api/products/${id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ title: '集群新标题' }),
    })
    let freshOnB = false
    while (!freshOnB && Date.now() - t < 10_000) {
      freshOnB = (await pageOn(instances[1])).includes('集群新标题')
      if (!freshOnB) await sleep(250)
    }
    const freshOnA = (await pageOn(instances[0])).includes('集群新标题')
    check(
      Boolean(id) && cachedOld && edit.ok && freshOnA && freshOnB,
      `page revalidated on every instance: product edited on A → A ${freshOnA ? 'fresh' : 'STALE'}, B ${freshOnB ? `fresh after ${since(t)}` : 'STALE after 10 s'} (both had cached the old page: ${cachedOld})`,
    )
  }

  // -------------------------------------------------------------------------------- 1. flash sale across both
  {
    const product = await createProduct('flash', FLASH_UNITS, { paymentWindowMinutes: 60 })
    t = Date.now()
    const tally = await crowd({ origin, total: FLASH_BUYERS, concurrency: FLASH_CONCURRENCY, product })
    const wall = since(t)
    const state = await productState(product)
    const created = tally.statuses[201] ?? 0
    const soldOut = tally.codes.OUT_OF_STOCK ?? 0
    const servedBy = instances.map((i) => tally.upstreams[i.address] ?? 0)
    check(
      created === FLASH_UNITS && soldOut === FLASH_BUYERS - FLASH_UNITS && state.orders === FLASH_UNITS && state.stock === 0 && servedBy.every((n) => n > 0),
      `flash sale: ${FLASH_BUYERS} buyers (${FLASH_CONCURRENCY} at a time) on ${FLASH_UNITS} units → sold ${created} (201), ` +
        `${soldOut} × 409 OUT_OF_STOCK [${fmt(tally.codes)}]; orders ${state.orders}, stock ${state.stock}; ` +
        `served by A ${servedBy[0]}, B ${servedBy[1]}; ${wall}`,
    )
  }

  // -------------------------------------------------------------------------------- 2. kill -9 mid-sale
  {
    const product = await createProduct('kill', KILL_UNITS)
    const victim = instances[1]
    let killedAt
    let paidByBuyers = 0
    const payRefused = {}
    t = Date.now()
    const tally = await crowd({
      origin,
      total: KILL_BUYERS,
      concurrency: KILL_CONCURRENCY,
      product,
      // Three buyers in four pay at once; the rest leave their order to expire.
      onAnswer: async ({ i, status, body }, sofar) => {
        if (status === 201 && i % 4 !== 3) {
          const outcome = await tapToPay(emulatorApi, origin, body.payment, `2001:db8::c:${i.toString(16)}`)
          if (outcome.ok) paidByBuyers++
          else payRefused[outcome.message] = (payRefused[outcome.message] ?? 0) + 1
        }
        if (!killedAt && (sofar.statuses[201] ?? 0) >= KILL_AFTER) {
          killedAt = Date.now()
          killGroup(victim.child, 'SIGKILL')
          say(`kill -9 instance ${victim.name} (pid ${victim.child.pid}) after ${sofar.statuses[201]} sold, ${since(t)} into the sale`)
        }
      },
    })
    await exited(victim.child)
    const saleWall = since(t)
    say(`sale over in ${saleWall}: [${fmt(tally.codes)}]; answered by [${fmt(tally.upstreams)}]; buyers paid ${paidByBuyers}`)

    // Every notify delivered (to whichever instance nginx found up).
    let wechat
    const deadline = Date.now() + 120_000
    for (;;) {
      wechat = await emulatorApi.state()
      if (wechat.callbacks.pending === 0 || Date.now() > deadline) break
      await sleep(1000)
    }
    const paidNos = wechat.paid
    const rows = (
      await db.query(
        `SELECT p.out_trade_no, p.status AS payment, p.settled_by, o.status AS "order" FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.out_trade_no = ANY($1)`,
        [paidNos],
      )
    ).rows
    const settled = rows.filter((r) => r.order === 'paid' && r.payment === 'paid').length
    const lost = paidNos.length - settled
    const cb = wechat.callbacks
    check(
      lost === 0 && paidNos.length > 0 && cb.pending === 0 && cb.failed === 0,
      `kill -9 mid-sale: instance ${victim.name} killed after ${KILL_AFTER} sold; ${paidNos.length} orders paid at WeChat Pay → ${settled} paid in the database, ` +
        `${lost} lost; notifies delivered ${cb.delivered}, pending ${cb.pending}, failed ${cb.failed} (${cb.failedAttempts} failed attempts retried); ` +
        `checkouts [${fmt(tally.codes)}]`,
    )

    for (const row of rows.filter((r) => !(r.order === 'paid' && r.payment === 'paid')).slice(0, 10)) {
      console.log(`     lost: ${row.out_trade_no} paid at WeChat Pay; payment ${row.payment} (settled by ${row.settled_by ?? 'nobody'}), order ${row.order}`)
    }

    // B comes back (both job runners on for check 3) while the payment window runs out.
    t = Date.now()
    await startInstance(victim)
    say(`instance ${victim.name} restarted in ${since(t)}`)
    await schedulePushes()

    // After the payment window and the expiry job (every minute), stock is whole again.
    t = Date.now()
    let state
    const expiryDeadline = Date.now() + PAYMENT_WINDOW_MS + 180_000
    for (;;) {
      state = await productState(product)
      if (state.of('pending_payment').orders === 0 || Date.now() > expiryDeadline) break
      await sleep(2000)
    }
    const paidUnits = state.of('paid').units
    check(
      state.of('pending_payment').orders === 0 && state.stock + paidUnits === KILL_UNITS && state.of('paid').orders === paidNos.length,
      `stock reconciled after expiry: stock ${state.stock} + ${paidUnits} units in paid orders = ${state.stock + paidUnits} (initial ${KILL_UNITS}); ` +
        `orders paid ${state.of('paid').orders} (of ${paidNos.length} paid at WeChat Pay), cancelled ${state.of('cancelled').orders}, pending ${state.of('pending_payment').orders}; ` +
        `waited ${since(t)} for expiry`,
    )
  }

  // -------------------------------------------------------------------------------- 3. pushes published once
  {
    t = Date.now()
    let pushes
    const deadline = Date.now() + 360_000
    const done = (p) => ['published', 'failed', 'needs_manual_publish'].includes(p.status)
    for (;;) {
      pushes = await query(`SELECT status, last_error FROM pushes WHERE id = ANY($1)`, [pushIds])
      if (pushes.every(done) || Date.now() > deadline) break
      await sleep(2000)
    }
    const statuses = {}
    for (const p of pushes) statuses[p.status] = (statuses[p.status] ?? 0) + 1
    const errors = [...new Set(pushes.map((p) => p.last_error).filter(Boolean))]
    const oa = await oaState()
    const submits = oa.calls['/cgi-bin/freepublish/submit'] ?? 0
    const drafts = oa.calls['/cgi-bin/draft/add'] ?? 0
    const n = pushIds.length
    check(
      statuses.published === n && submits === n && drafts === n && oa.publishJobs.length === n,
      `pushes published once with both job runners on: ${n} planned → [${fmt(statuses)}]${errors.length ? ` (${errors.join('; ')})` : ''}; ` +
        `at the Official Account draft/add ${drafts}, freepublish/submit ${submits}, publish jobs ${oa.publishJobs.length} (want ${n} each); ` +
        `${since(t)} after the expiry check`,
    )
  }
}

/** One closed-loop client: `concurrency` workers, `total` requests, each buyer from an address of its own. */
async function measure(url, { total, concurrency, body }) {
  const latencies = []
  const statuses = {}
  let next = 0
  const t0 = Date.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++
        const t = Date.now()
        let status = 0
        try {
          const response = await fetch(url, {
            method: body ? 'POST' : 'GET',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `2001:db8::b:${i.toString(16)}` },
            body: body ? JSON.stringify(body) : undefined,
            signal: AbortSignal.timeout(60_000),
          })
          status = response.status
          await response.arrayBuffer()
        } catch {
          status = 0
        }
        latencies.push(Date.now() - t)
        statuses[status] = (statuses[status] ?? 0) + 1
      }
    }),
  )
  const wallS = (Date.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  const ok = (statuses[200] ?? 0) + (statuses[201] ?? 0)
  return {
    okPerSec: +(ok / wallS).toFixed(1),
    statuses,
    p50: latencies[Math.floor(total * 0.5)],
    p99: latencies[Math.floor(total * 0.99)],
    max: latencies.at(-1),
  }
}

/**
 * CLUSTER_BENCH=1: checkout throughput with one and with two instances on this PostgreSQL, each next to
 * GET /api/users/me measured with the same client through the same nginx in the same run. Writes bench/out/cluster.json.
 */
async function benchInstances({ origin, nginxBin, tmp, createProduct }) {
  const onePort = await freePort()
  const oneDir = path.join(tmp, 'nginx-one')
  track(startNginx(nginxBin, oneDir, writeNginxConf(oneDir, { port: onePort, upstreams: [instances[0].address] })), 'nginx (one instance)')
  const one = `http://127.0.0.1:${onePort}`
  await waitFor(`${one}/api/users/me`, 'nginx (one instance)')
  const total = Number(process.env.BENCH_ATTEMPTS || 2000)
  const concurrency = Number(process.env.BENCH_BUYERS || 200)
  const report = { date: new Date().toISOString(), node: process.version, total, concurrency, runs: {} }
  for (const [name, base] of [
    ['one instance', one],
    ['two instances', origin],
  ]) {
    const product = await createProduct(`bench-${name.split(' ')[0]}`, 1_000_000)
    const body = { items: [{ product, quantity: 1 }], channel: 'native' }
    await measure(`${base}/api/checkout`, { total: 300, concurrency: 20, body }) // warm-up
    await measure(`${base}/api/users/me`, { total: 300, concurrency: 20 })
    const baseline = await measure(`${base}/api/users/me`, { total, concurrency })
    const checkout = await measure(`${base}/api/checkout`, { total, concurrency, body })
    report.runs[name] = { baselineUsersMe: baseline, checkout, ratioToUsersMe: +(checkout.okPerSec / baseline.okPerSec).toFixed(2) }
    say(
      `${name}: users/me ${baseline.okPerSec}/s, checkouts ${checkout.okPerSec}/s (${report.runs[name].ratioToUsersMe}×), p99 ${checkout.p99} ms, max ${checkout.max} ms`,
    )
  }
  report.twoOverOne = +(report.runs['two instances'].checkout.okPerSec / report.runs['one instance'].checkout.okPerSec).toFixed(2)
  fs.mkdirSync(path.join(root, 'bench/out'), { recursive: true })
  fs.writeFileSync(path.join(root, 'bench/out/cluster.json'), JSON.stringify(report, null, 2))
  console.log(JSON.stringify(report, null, 2))
  results.push(true)
}

let failure
try {
  await main()
} catch (error) {
  failure = error
  console.error(`FAIL ${error instanceof Error ? (error.stack ?? error.message) : error}`)
}
const failed = failure || results.includes(false) || results.length === 0
if (failed) {
  for (const instance of instances) {
    if (!fs.existsSync(instance.log)) continue
    const lines = fs.readFileSync(instance.log, 'utf8').trimEnd().split('\n')
    console.error(`--- last lines of instance ${instance.name}'s log ---\n${lines.slice(-25).join('\n')}`)
  }
}
await cleanup()
console.log(`${failed ? 'Cluster test FAILED' : 'Cluster test passed'}: ${results.filter(Boolean).length}/${results.length} checks in ${since(started)}.`)
process.exit(failed ? 1 : 0)
