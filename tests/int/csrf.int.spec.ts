// CSRF against Payload's real REST handler, with the installation configured (NEXT_PUBLIC_SERVER_URL), so that
// payload.config.ts sets `csrf` (and serverURL) as in production: Payload itself then ignores the session cookie
// on a request from a foreign origin, even if the proxy (src/proxy.ts) were bypassed. Then the whole chain:
// proxy first, Payload only when the proxy lets the request through.
import { REST_POST } from '@payloadcms/next/routes'
import { NextRequest } from 'next/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login } from '../helpers/rest'

const ORIGIN = vi.hoisted(() => {
  // Before @payload-config is imported (by the helpers above): the config reads it once.
  process.env.NEXT_PUBLIC_SERVER_URL = 'https://shop.example'
  delete process.env.TUIWEN_EXTRA_ORIGINS
  return 'https://shop.example'
})

let payload: Payload
let w: World
let cookie: string
let post: ReturnType<typeof REST_POST>

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  cookie = `payload-token=${await login(w.editorA.email, w.password)}`
  post = REST_POST(payload.config)
})
afterAll(() => shutdown(payload))

function createProduct(title: string, headers: Record<string, string>) {
  return new Request(`${ORIGIN}/api/products`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify({ title, brand: w.brandA.id, price: 100, stock: 1 }),
  })
}
const callPayload = (request: Request) => post(request, { params: Promise.resolve({ slug: ['products'] }) })
const count = async (title: string) => (await payload.count({ collection: 'products', where: { title: { equals: title } } })).totalDocs

describe("Payload's csrf allow-list", () => {
  it('is the configured origin', () => {
    expect(payload.config.csrf).toContain(ORIGIN)
    expect(payload.config.serverURL).toBe(ORIGIN)
  })

  it('a cookie-authenticated POST from a foreign Origin does not create the product', async () => {
    const res = await callPayload(createProduct('跨站商品', { origin: 'http://evil.example' }))
    expect(res.status).toBe(403) // the cookie was ignored: an anonymous create
    expect(await count('跨站商品')).toBe(0)
  })

  it('nor one without Origin that the browser marks cross-site', async () => {
    const res = await callPayload(createProduct('跨站商品二', { 'sec-fetch-site': 'cross-site' }))
    expect(res.status).toBe(403)
    expect(await count('跨站商品二')).toBe(0)
  })

  it('the same POST from our own origin creates it', async () => {
    const res = await callPayload(createProduct('本站商品', { origin: ORIGIN }))
    expect(res.status).toBe(201)
    expect(await count('本站商品')).toBe(1)
  })
})

describe('proxy in front of Payload', () => {
  async function throughProxy(request: Request): Promise<Response> {
    const { proxy } = await import('@/proxy')
    const verdict = proxy(new NextRequest(request.clone()))
    return verdict.headers.get('x-middleware-next') === '1' ? callPayload(request) : verdict
  }

  it('refuses a foreign Origin with 403 CSRF before Payload runs', async () => {
    const res = await throughProxy(createProduct('代理拦截', { origin: 'http://evil.example' }))
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('CSRF')
    expect(await count('代理拦截')).toBe(0)
  })

  it('refuses a foreign Referer without Origin', async () => {
    const res = await throughProxy(createProduct('代理拦截二', { referer: 'http://evil.example/x.html' }))
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('CSRF')
    expect(await count('代理拦截二')).toBe(0)
  })

  it('lets a same-origin browser POST through to Payload', async () => {
    const res = await throughProxy(createProduct('代理放行', { origin: ORIGIN, 'sec-fetch-site': 'same-origin' }))
    expect(res.status).toBe(201)
    expect(await count('代理放行')).toBe(1)
  })
})
