import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { GET } from '../../app/qr/route'
import { checkQrTarget, qrImageUrl, qrPngBuffer } from './qr'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])

describe('qr', () => {
  it('makes a PNG', async () => {
    const png = await qrPngBuffer('https://shop.example.com/p/a?b=0')
    expect(png.subarray(0, 4).equals(PNG)).toBe(true)
  })

  it('builds the /qr image URL', () => {
    expect(qrImageUrl('https://s.example.com/', 'https://s.example.com/p/a?from=1&b=0')).toBe(
      'https://s.example.com/qr?u=https%3A%2F%2Fs.example.com%2Fp%2Fa%3Ffrom%3D1%26b%3D0',
    )
  })

  it.each([
    [null, 'missing'],
    ['https://evil.example.com/p/a', 'this site'],
    ['https://s.example.com/admin', 'landing page'],
    ['https://s.example.com/p/a/b', 'landing page'],
    ['javascript:alert(1)', 'this site'],
    ['not a url', 'absolute'],
  ])('refuses %s', (u, reason) => {
    const check = checkQrTarget(u, 'https://s.example.com')
    expect(check.ok).toBe(false)
    expect(check.ok ? '' : check.reason).toContain(reason)
  })
})

describe('GET /qr', () => {
  const saved = process.env.NEXT_PUBLIC_SERVER_URL
  beforeEach(() => void delete process.env.NEXT_PUBLIC_SERVER_URL)
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXT_PUBLIC_SERVER_URL
    else process.env.NEXT_PUBLIC_SERVER_URL = saved
  })

  it('serves an immutable PNG for our own landing page', async () => {
    const u = encodeURIComponent('http://localhost:3000/p/tent?from=a1&b=0')
    const res = await GET(new Request(`http://localhost:3000/qr?u=${u}`))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 4)
        .equals(PNG),
    ).toBe(true)
  })

  it('trusts the configured public origin over the Host header', async () => {
    process.env.NEXT_PUBLIC_SERVER_URL = 'https://shop.example.com'
    const res = await GET(new Request(`http://evil.example.com/qr?u=${encodeURIComponent('http://evil.example.com/p/x')}`))
    expect(res.status).toBe(400)
  })

  it('refuses other URLs with 400 and a message', async () => {
    const res = await GET(new Request(`http://localhost:3000/qr?u=${encodeURIComponent('https://evil.example.com/p/x')}`))
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/must be on this site/)
  })
})
