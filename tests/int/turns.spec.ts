// Fair turns (scripts/lib/turns.mjs, used by scripts/server.mjs): requests start in arrival order, one per turn of
// the event loop, so the listener keeps accepting a crowd's new connections while earlier requests are served, and
// one that waited too long is answered 503 with Retry-After instead of being started late.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from 'vitest'

import { answerBusy, createTurns } from '../../scripts/lib/turns.mjs'

const busy = (ms: number) => {
  const until = performance.now() + ms
  while (performance.now() < until);
}

describe('turns', () => {
  it('runs queued work first in, first out, letting the rest of the loop run between any two', async () => {
    const turns = createTurns()
    const log: string[] = []
    for (const name of ['a', 'b', 'c'])
      turns.start(
        () => log.push(name),
        () => log.push(`late ${name}`),
      )
    setImmediate(() => log.push('loop'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(log).toEqual(['a', 'loop', 'b', 'c'])
    expect(turns.stats()).toEqual({ queued: 0, started: 3, refused: 0 })
  })

  it('refuses work that waited longer than maxWaitMs, and still starts what arrived later in time', async () => {
    let clock = 0
    const turns = createTurns({ maxWaitMs: 100, now: () => clock })
    const log: string[] = []
    turns.start(
      () => log.push('old'),
      () => log.push('old refused'),
    )
    clock = 150
    turns.start(
      () => log.push('new'),
      () => log.push('new refused'),
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(log).toEqual(['old refused', 'new'])
    expect(turns.stats()).toMatchObject({ started: 1, refused: 1 })
  })

  it('keeps accepting a burst of new connections while a busy server serves the first ones', async () => {
    // Each request costs 5 ms of CPU. Counted, not timed: how many requests had started when each connection was
    // accepted. Starting every arrived request in its turn (Node's default) accepts one connection per ever longer
    // turn; with fair turns every connection is accepted after at most a few requests each.
    const turns = createTurns()
    let startedRequests = 0
    const startedAtAccept: number[] = []
    const server = http.createServer((req, res) =>
      turns.start(
        () => {
          startedRequests++
          busy(5)
          res.end('ok')
        },
        () => answerBusy(req, res),
      ),
    )
    server.on('connection', () => startedAtAccept.push(startedRequests))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const agent = new http.Agent({ keepAlive: true, maxSockets: 40 })
    const get = () =>
      new Promise<void>((resolve, reject) =>
        http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => res.resume().on('end', resolve)).on('error', reject),
      )
    const connections = 40
    const perConnection = 6
    try {
      await Promise.all(
        Array.from({ length: connections }, async () => {
          for (let i = 0; i < perConnection; i++) await get()
        }),
      )
    } finally {
      agent.destroy()
      await new Promise((resolve) => server.close(resolve))
    }
    expect(startedAtAccept).toHaveLength(connections)
    expect(turns.stats()).toMatchObject({ started: connections * perConnection, refused: 0 })
    // Every connection was accepted before a third of all requests had started.
    expect(Math.max(...startedAtAccept)).toBeLessThan((connections * perConnection) / 3)
  })

  it('answers a refused request 503 with Retry-After: the API error shape for /api, a page in Chinese for a reader', async () => {
    const server = http.createServer((req, res) => answerBusy(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const api = await fetch(`http://127.0.0.1:${port}/api/checkout`, { method: 'POST', body: 'x'.repeat(100_000) })
      expect(api.status).toBe(503)
      expect(api.headers.get('retry-after')).toBe('2')
      expect(api.headers.get('cache-control')).toBe('no-store')
      expect(api.headers.get('x-content-type-options')).toBe('nosniff')
      expect((await api.json()).error).toMatchObject({ code: 'BUSY', message: expect.stringContaining('排队人数较多') })
      const page = await fetch(`http://127.0.0.1:${port}/p/longjing/buy`, { method: 'POST', body: 'sku=LJ-50G', headers: { accept: 'text/html' } })
      expect(page.status).toBe(503)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(await page.text()).toContain('排队人数较多，请稍后再试')
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
