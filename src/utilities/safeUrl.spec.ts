import { describe, expect, it } from 'vitest'

import { internalLinkPath, isDangerousLinkUrl, safeLinkHref } from './safeUrl'

const UNSAFE = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript\u0000:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript&colon;alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  ' VBScript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  '/\\evil.example/x',
  '\\\\evil.example',
  'www.example.com',
  'http://',
  'https://',
  'mailto:',
  '',
  '   ',
]

describe('safeLinkHref: one allowlist for web and WeChat links', () => {
  it.each(UNSAFE)('refuses %j', (raw) => {
    expect(safeLinkHref(raw)).toBeUndefined()
  })

  it('keeps http(s), mailto:, tel:, and paths and anchors on our own site', () => {
    expect(safeLinkHref('https://ok.example')).toEqual({ href: 'https://ok.example/', kind: 'http' })
    expect(safeLinkHref(' HTTP://Ok.Example/a?b=1#c ')).toEqual({ href: 'http://ok.example/a?b=1#c', kind: 'http' })
    expect(safeLinkHref('mailto:a@b.c')).toEqual({ href: 'mailto:a@b.c', kind: 'mailto' })
    expect(safeLinkHref('TEL:+8613800000000')).toEqual({ href: 'TEL:+8613800000000', kind: 'tel' })
    expect(safeLinkHref('/a/spring-longjing-guide')).toEqual({ href: '/a/spring-longjing-guide', kind: 'relative' })
    expect(safeLinkHref('#buy')).toEqual({ href: '#buy', kind: 'relative' })
  })

  it('refuses non-strings and absurdly long URLs', () => {
    expect(safeLinkHref(undefined)).toBeUndefined()
    expect(safeLinkHref({ toString: () => 'https://ok.example' })).toBeUndefined()
    expect(safeLinkHref(`https://ok.example/${'a'.repeat(5000)}`)).toBeUndefined()
  })
})

describe('isDangerousLinkUrl: what saving refuses', () => {
  it('flags scripting and data schemes, however disguised', () => {
    for (const raw of UNSAFE.slice(0, 14)) expect(isDangerousLinkUrl(raw), raw).toBe(true)
  })
  it('lets safe and merely unfinished URLs through (the editor starts new links as "https://")', () => {
    for (const raw of ['https://ok.example', 'https://', 'mailto:a@b.c', 'tel:+86 138 0000 0000', '/a/x', '#top', 'www.example.com', '']) {
      expect(isDangerousLinkUrl(raw), raw).toBe(false)
    }
  })
})

describe('internalLinkPath', () => {
  it('maps populated articles, products and communities to their public pages', () => {
    expect(internalLinkPath({ relationTo: 'articles', value: { slug: 'a b' } })).toBe('/a/a%20b')
    expect(internalLinkPath({ relationTo: 'products', value: { slug: 'tea' } })).toBe('/p/tea')
    expect(internalLinkPath({ relationTo: 'communities', value: { slug: 'club' } })).toBe('/c/club')
  })
  it('gives nothing for an unpopulated document or another collection', () => {
    expect(internalLinkPath({ relationTo: 'articles', value: 'some-id' })).toBeUndefined()
    expect(internalLinkPath({ relationTo: 'users', value: { slug: 'x' } })).toBeUndefined()
    expect(internalLinkPath(undefined)).toBeUndefined()
  })
})
