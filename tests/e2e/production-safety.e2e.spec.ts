// The production build tried as an attacker would, over real HTTP: a second instance of the app on the e2e
// database, booted as production WITHOUT TUIWEN_SANDBOX (and behind one trusted proxy), next to the demo
// instance that has it. Sandboxes 404 and checkout 503 there; forwarded headers dodge no limit where no proxy
// is trusted; foreign-Origin cookie writes are refused; every response carries the security headers.
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import { type APIRequestContext, expect, request as apiRequest, test } from '@playwright/test'

import { demo } from './helpers'

const mainPort = Number(process.env.E2E_PORT || 3101)
const prodPort = mainPort + 50
const prodBase = `http://127.0.0.1:${prodPort}`
const root = process.cwd()
let server: ChildProcess | undefined
let prod: APIRequestContext

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const dir = path.join(root, `data/e2e-${mainPort}`)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(prodPort),
    DATABASE_URI: `file:${path.join(dir, 'e2e.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    PAYLOAD_SECRET: 'e2e-secret-only-for-tests',
    TUIWEN_JOBS_AUTORUN: 'false',
    TRUST_PROXY: '1',
  }
  delete env.TUIWEN_SANDBOX
  delete env.WECHATPAY_MCHID
  server = spawn(process.execPath, [path.join(root, 'scripts/server.mjs')], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] })
  prod = await apiRequest.newContext({ baseURL: prodBase })
  for (let i = 0; i < 200; i++) {
    const up = await prod
      .get('/api/users/me')
      .then((r) => r.status() < 500)
      .catch(() => false)
    if (up) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the production instance did not come up')
})

test.afterAll(async () => {
  await prod?.dispose()
  server?.kill('SIGTERM')
})

async function productBySlug(api: APIRequestContext, slug: string) {
  const res = await api.get(`/api/products?where[slug][equals]=${slug}&limit=1&depth=0`)
  return (await res.json()).docs[0] as { id: string; variants?: { sku: string }[] }
}

test('production without TUIWEN_SANDBOX: the sandboxes are 404 and checkout is 503, holding nothing', async ({ request }) => {
  expect((await prod.post('/sandbox/wechatpay/sandbox/pay/anything')).status()).toBe(404)
  expect((await prod.get('/sandbox/wechatpay/v3/pay/transactions/out-trade-no/x?mchid=1')).status()).toBe(404)
  expect((await prod.get('/sandbox/wechat/cgi-bin/token?grant_type=client_credential&appid=wx7e57ab1e00000001&secret=x')).status()).toBe(404)
  // …while the demo instance on the same database, started with TUIWEN_SANDBOX=1, has them.
  expect((await request.get('/sandbox/wechat/cgi-bin/token?grant_type=client_credential&appid=wx7e57ab1e00000001&secret=x')).status()).not.toBe(404)

  const product = await productBySlug(prod, 'bamboo-tray')
  const stockBefore = (await (await prod.get(`/api/stock?ids=${product.id}`)).json()).stock[product.id]
  const res = await prod.post('/api/checkout', { data: { items: [{ product: product.id, quantity: 1 }], channel: 'native' } })
  expect(res.status()).toBe(503)
  const body = await res.json()
  expect(body.error.code).toBe('PAYMENT_UNAVAILABLE')
  expect(body.error.message).toContain('微信支付')
  expect((await (await prod.get(`/api/stock?ids=${product.id}`)).json()).stock[product.id]).toBe(stockBefore)
  // The pay tap of a made-up order is a wrong link (404), whether or not payments can be taken.
  const tap = await prod.post('/api/checkout/TW2612010000000000/prepay?t=made-up-token')
  expect(tap.status()).toBe(404)
  expect((await tap.json()).error.code).toBe('NOT_FOUND')
})

test('rotating X-Forwarded-For dodges no limit where no proxy is trusted; behind the trusted proxy each address counts alone', async ({ request }) => {
  const email = `nobody-${Date.now()}@example.invalid`
  const statuses: number[] = []
  for (let i = 0; i < 6; i++) {
    const res = await request.post('/api/users/login', { data: { email, password: 'guess' }, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } })
    statuses.push(res.status())
    if (res.status() === 429) expect(Number(res.headers()['retry-after'])).toBeGreaterThan(0)
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429])

  // The production instance trusts one proxy: the address that proxy forwards is the client.
  const proxied: number[] = []
  for (let i = 0; i < 6; i++)
    proxied.push(
      (
        await prod.post('/api/users/login', { data: { email: `p-${email}`, password: 'guess' }, headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } })
      ).status(),
    )
  expect(proxied).toEqual([401, 401, 401, 401, 401, 401])
})

test('production without TUIWEN_SANDBOX refuses the README’s demo logins on the same database; the demo instance takes them', async ({ request }) => {
  const refused = await prod.post('/api/users/login', { data: demo.editor, headers: { 'x-forwarded-for': '192.0.2.77' } })
  expect(refused.status()).toBe(403)
  const error = (await refused.json()).errors[0]
  expect([error.message, error.data?.code]).toEqual([expect.stringMatching(/演示账号/), 'DEMO_LOGIN_REFUSED'])
  expect((await request.post('/api/users/login', { data: demo.editor })).status()).toBe(200)
})

test('a cookie-authenticated write from a foreign Origin is refused and creates nothing', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${mainPort}` })
  const login = await api.post('/api/users/login', { data: demo.editor })
  expect(login.status()).toBe(200)
  const brand = (await login.json()).user.brands[0].brand
  const title = `跨站商品 ${Date.now()}`
  const data = { title, price: 100, stock: 1, brand: typeof brand === 'object' ? brand.id : brand, status: 'draft', slug: `csrf-${Date.now()}` }
  const forged = await api.post('/api/products', { data, headers: { origin: 'http://evil.example' } })
  expect(forged.status()).toBe(403)
  expect((await forged.json()).error.code).toBe('CSRF')
  const found = await api.get(`/api/products?where[title][equals]=${encodeURIComponent(title)}&draft=true`)
  expect((await found.json()).totalDocs).toBe(0)
  const same = await api.post('/api/products', { data, headers: { origin: `http://127.0.0.1:${mainPort}` } })
  expect(same.status()).toBe(201)
  await api.dispose()
})

test('every page sends the security headers; HTTPS behind the trusted proxy adds HSTS and Secure cookies', async ({ request }) => {
  for (const path of ['/p/mingqian-longjing', '/a/spring-longjing-guide', '/admin/login', '/api/users/me', '/o/none?t=x']) {
    const res = await request.get(path)
    const h = res.headers()
    expect(h['content-security-policy'], path).toMatch(/frame-ancestors '(self|none)'/)
    expect(h['x-content-type-options'], path).toBe('nosniff')
    expect(h['x-frame-options'], path).toMatch(/SAMEORIGIN|DENY/)
    expect(h['referrer-policy'], path).toBe(path.startsWith('/o/') ? 'no-referrer' : 'strict-origin-when-cross-origin')
    expect(h['strict-transport-security'], path).toBeUndefined()
  }
  const https = await prod.get('/p/mingqian-longjing', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': `127.0.0.1:${prodPort}` } })
  expect(https.headers()['strict-transport-security']).toMatch(/max-age=\d+/)
  const coupon = await prod.post('/api/communities/none/join', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': `127.0.0.1:${prodPort}` } })
  expect(coupon.headers()['set-cookie'] ?? '').toMatch(/; Secure/)
})
