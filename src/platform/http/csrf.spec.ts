import { describe, expect, it } from 'vitest'

import { checkCsrf } from './csrf'

const allowed = new Set(['https://shop.example'])
const post = (headers: Record<string, string>) => ({ method: 'POST', headers: new Headers(headers) })

describe('checkCsrf', () => {
  it('lets a cookieless request through, unless the route acts for the reader whose cookie it sets', () => {
    const foreign = post({ origin: 'https://evil.example' })
    expect(checkCsrf(foreign, allowed)).toEqual({ ok: true })
    expect(checkCsrf(foreign, allowed, { evenWithoutCookies: true })).toEqual({ ok: false, reason: 'origin' })
    expect(checkCsrf(post({ referer: 'https://evil.example/x' }), allowed, { evenWithoutCookies: true })).toEqual({ ok: false, reason: 'referer' })
    expect(checkCsrf(post({ origin: 'https://shop.example' }), allowed, { evenWithoutCookies: true })).toEqual({ ok: true })
    expect(checkCsrf(post({}), allowed, { evenWithoutCookies: true })).toEqual({ ok: true })
  })
})
