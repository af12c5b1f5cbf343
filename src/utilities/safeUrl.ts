// Which link targets may become an <a href> — on the web article page and in the WeChat HTML alike.
// An allowlist: http(s), mailto and tel URLs, and paths/anchors on our own site. Everything else (javascript:,
// vbscript:, data:, file:, scheme-less hosts, tricks with case, whitespace, control characters or entities)
// is not a link and renders as its plain text.

export const SAFE_LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const

export type SafeLink = {
  /** What to put in href (http(s) normalised by the URL parser). */
  href: string
  kind: 'http' | 'mailto' | 'tel' | 'relative'
}

const MAX_URL_LENGTH = 4096
const SCHEME = /^([a-z][a-z0-9+.-]*):/i
// Browsers drop C0 controls and spaces around a URL and tabs/newlines inside it before reading its scheme.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g

/** The href a Lexical link may carry, or undefined when it must render as plain text. */
export function safeLinkHref(raw: unknown): SafeLink | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) return undefined
  const value = raw.replace(CONTROL, '').trim()
  if (!value) return undefined
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase()
  if (!scheme) {
    // Our own pages: /a/slug, /p/slug?x=1, #section. Not //host or /\host (another site), nor bare words.
    if (value.startsWith('#') || (value.startsWith('/') && !/^\/[/\\]/.test(value) && !value.includes('\\'))) return { href: value, kind: 'relative' }
    return undefined
  }
  if (scheme === 'http' || scheme === 'https') {
    try {
      const url = new URL(value)
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? { href: url.href, kind: 'http' } : undefined
    } catch {
      return undefined
    }
  }
  if ((scheme === 'mailto' || scheme === 'tel') && value.length > scheme.length + 1) return { href: value, kind: scheme }
  return undefined
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z][a-z0-9]{1,31}));?/gi
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', amp: '&', nbsp: ' ', lpar: '(', rpar: ')', period: '.' }

function decodeEntities(text: string): string {
  let previous: string
  let current = text
  // Entities may be nested (&amp;#106; …); a few rounds are plenty.
  for (let i = 0; i < 3; i++) {
    previous = current
    current = current.replace(ENTITY, (match, dec: string, hex: string, name: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : match
      return NAMED[name.toLowerCase()] ?? match
    })
    if (current === previous) break
  }
  return current
}

/**
 * Whether a link URL names a scheme we never link to (javascript:, vbscript:, data:, …), also when hidden behind
 * case, whitespace, control characters or HTML entities. For refusing such links when a document is saved; a
 * URL that is merely broken (e.g. the editor's empty "https://") is not dangerous and stays savable.
 */
export function isDangerousLinkUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false
  // eslint-disable-next-line no-control-regex -- the controls and invisible characters a browser ignores in a scheme
  const squeezed = decodeEntities(raw).replace(/[\s\u0000-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g, '')
  const scheme = SCHEME.exec(squeezed)?.[1]?.toLowerCase()
  return scheme !== undefined && !(SAFE_LINK_SCHEMES as readonly string[]).includes(scheme)
}

/** Our public page for a document an internal link points at (populated), e.g. /a/spring-longjing-guide. */
export function internalLinkPath(doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object') return undefined
  const { relationTo, value } = doc as { relationTo?: unknown; value?: unknown }
  const slug = value && typeof value === 'object' ? (value as { slug?: unknown }).slug : undefined
  if (typeof slug !== 'string' || !slug) return undefined
  const section = relationTo === 'articles' ? 'a' : relationTo === 'products' ? 'p' : relationTo === 'communities' ? 'c' : undefined
  return section ? `/${section}/${encodeURIComponent(slug)}` : undefined
}
