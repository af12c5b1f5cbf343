// A direct route served by the production server's dispatcher (scripts/lib/direct.mjs) over real HTTP: it gets the
// normalized headers and the body, its answer carries the proxy's security headers, a cross-site cookie write is
// refused before it runs, and what it does not accept is left to the fallback (Next, in production).
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { directRouteFor, serveDirect } from '../../../scripts/lib/direct.mjs'
import { registerDirectRoute } from './directRoutes'

let server: http.Server
let base = ''
const seen: { body: string; ip: string | null }[] = []

beforeAll(async () => {
  registerDirectRoute('POST', '/api/direct-test', {
    maxBody: 64,
    accepts: (headers) => !headers.has('authorization'),
    answer: async (request) => {
      const body = await request.text()
      seen.push({ body, ip: request.headers.get('x-forwarded-for') })
      return Response.json({ length: body.length }, { status: 201 })
    },
  })
  server = http.createServer((req, res) => {
    const direct = directRouteFor(req)
    if (direct) serveDirect(direct, req, res)
    else res.writeHead(299).end('fallback')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('direct routes', () => {
  it('answers the route with its body and headers, adding the security headers', async () => {
    const res = await fetch(`${base}/api/direct-test?x=1`, { method: 'POST', body: '{"a":1}', headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ length: 7 })
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(seen.at(-1)).toEqual({ body: '{"a":1}', ip: '203.0.113.9' })
  })

  it('reads no more than maxBody + 1 bytes of the body', async () => {
    const res = await fetch(`${base}/api/direct-test`, { method: 'POST', body: 'x'.repeat(10_000) })
    expect((await res.json()).length).toBe(65)
  })

  it('refuses a cross-site write that carries cookies before the route runs (403 CSRF)', async () => {
    const before = seen.length
    const res = await fetch(`${base}/api/direct-test`, { method: 'POST', body: 'x', headers: { cookie: 'tw_member=1', origin: 'https://evil.example' } })
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('CSRF')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(seen.length).toBe(before)
  })

  it('leaves what it does not accept, other methods and other paths to the fallback', async () => {
    for (const [path, init] of [
      ['/api/direct-test', { method: 'POST', body: 'x', headers: { authorization: 'JWT x' } }],
      ['/api/direct-test', { method: 'GET' }],
      ['/api/direct-test/more', { method: 'POST', body: 'x' }],
    ] as const) {
      const res = await fetch(`${base}${path}`, init)
      expect(res.status).toBe(299)
    }
  })
})
