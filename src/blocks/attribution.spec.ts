import { describe, expect, it } from 'vitest'

import { landingHref } from './attribution'

describe('landingHref', () => {
  it('links to the landing page with article and block attribution', () => {
    expect(landingHref('white-gaiwan', { article: 'a1', block: 2 })).toBe('/p/white-gaiwan?from=a1&b=2')
  })
  it('keeps block 0 and adds the sharer', () => {
    expect(landingHref('x', { article: 'a1', block: 0, sharer: 'u9' })).toBe('/p/x?from=a1&b=0&sharer=u9')
  })
  it('is a plain link without attribution', () => {
    expect(landingHref('x')).toBe('/p/x')
  })
})
