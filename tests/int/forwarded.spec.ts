// Who is calling (scripts/lib/forwarded.mjs, applied by scripts/server.mjs to every request): X-Forwarded-* count
// only from the TRUST_PROXY nearest proxies, so rotating X-Forwarded-For never makes one client many.
import { describe, expect, it } from 'vitest'

import { normalizeForwardedHeaders, resolveForwarded, trustedProxyCount } from '../../scripts/lib/forwarded.mjs'

describe('TRUST_PROXY', () => {
  it('is a number of proxies; unset, empty, 0 and false mean none', () => {
    expect(trustedProxyCount(undefined)).toBe(0)
    expect(trustedProxyCount('')).toBe(0)
    expect(trustedProxyCount('0')).toBe(0)
    expect(trustedProxyCount('false')).toBe(0)
    expect(trustedProxyCount('1')).toBe(1)
    expect(trustedProxyCount('2')).toBe(2)
  })
  it('refuses anything else with a message naming the variable', () => {
    expect(() => trustedProxyCount('true')).toThrow(/TRUST_PROXY/)
    expect(() => trustedProxyCount('10.0.0.0/8')).toThrow(/TRUST_PROXY/)
  })
})

describe('resolveForwarded', () => {
  const headers = { host: 'shop.example', 'x-forwarded-for': '6.6.6.6, 7.7.7.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' }

  it('without trusted proxies believes the socket and the Host header only', () => {
    for (const xff of ['1.1.1.1', '2.2.2.2', '3.3.3.3'])
      expect(resolveForwarded({ peer: '203.0.113.9', headers: { ...headers, 'x-forwarded-for': xff }, trustProxy: 0 })).toEqual({
        clientIp: '203.0.113.9',
        proto: 'http',
        host: 'shop.example',
      })
  })

  it('behind one proxy takes the address that proxy saw, and its protocol and host', () => {
    expect(resolveForwarded({ peer: '10.0.0.2', headers, trustProxy: 1 })).toEqual({ clientIp: '7.7.7.7', proto: 'https', host: 'evil.example' })
  })

  it('behind two proxies looks one hop further, never past the left end', () => {
    expect(resolveForwarded({ peer: '10.0.0.2', headers, trustProxy: 2 }).clientIp).toBe('6.6.6.6')
    expect(resolveForwarded({ peer: '10.0.0.2', headers, trustProxy: 5 }).clientIp).toBe('6.6.6.6')
    expect(resolveForwarded({ peer: '10.0.0.2', headers: { host: 'a' }, trustProxy: 1 }).clientIp).toBe('10.0.0.2')
  })

  it('unmaps IPv4-mapped IPv6 peers', () => {
    expect(resolveForwarded({ peer: '::ffff:127.0.0.1', headers: {}, trustProxy: 0 }).clientIp).toBe('127.0.0.1')
  })
})

describe('normalizeForwardedHeaders', () => {
  it('leaves only the resolved values for Next and the app to read', () => {
    const req = {
      socket: { remoteAddress: '203.0.113.9' },
      headers: { host: 'shop.example', 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '1.2.3.4', forwarded: 'for=1.2.3.4', 'x-forwarded-proto': 'https' } as Record<
        string,
        string
      >,
    }
    normalizeForwardedHeaders(req, 0)
    expect(req.headers).toEqual({ host: 'shop.example', 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'http', 'x-forwarded-host': 'shop.example' })
  })
})
