import { describe, expect, it } from 'vitest'

import { brandedTitle } from './brandedTitle'

describe('brandedTitle', () => {
  it("ends the tab title with the page's brand, replacing the tool's name", () => {
    expect(brandedTitle('明前龙井 250g 罐装', { name: '山野茶事' })).toEqual({ absolute: '明前龙井 250g 罐装 · 山野茶事' })
  })
  it("keeps the layout's template when the brand is not known", () => {
    expect(brandedTitle('明前龙井', null)).toBe('明前龙井')
    expect(brandedTitle('明前龙井', { name: ' ' })).toBe('明前龙井')
  })
})
