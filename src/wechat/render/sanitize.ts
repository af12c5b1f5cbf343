import sanitizeHtml from 'sanitize-html'

import { ALLOWED_ATTRIBUTES, ALLOWED_CSS_PROPERTIES, ALLOWED_DISPLAY, ALLOWED_TAGS, ALLOWED_TEXT_ALIGN, FORBIDDEN_VALUE } from './checks/allowlist'

const SAFE_VALUE = new RegExp(`^(?![\\s\\S]*(?:${FORBIDDEN_VALUE.source}))[\\s\\S]+$`, 'i')
const oneOf = (values: Set<string>) => new RegExp(`^(?:${[...values].map((v) => v.replace(/-/g, '\\-')).join('|')})$`)

const allowedStyles: Record<string, RegExp[]> = {}
for (const prop of ALLOWED_CSS_PROPERTIES) allowedStyles[prop] = [SAFE_VALUE]
allowedStyles.display = [oneOf(ALLOWED_DISPLAY)]
allowedStyles['text-align'] = [oneOf(ALLOWED_TEXT_ALIGN)]

// `allowedEmptyAttributes` exists at runtime (sanitize-html ≥ 2.11) but is missing from @types/sanitize-html.
const OPTIONS: sanitizeHtml.IOptions & { allowedEmptyAttributes: string[] } = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedStyles: { '*': allowedStyles },
  allowedSchemes: ['https'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // href="" is how WeChat marks a mini-program link.
  allowedEmptyAttributes: ['alt', 'href'],
  disallowedTagsMode: 'discard',
}

/**
 * Final allow-list pass over our own output. The converters already escape everything; this is the safety net
 * that guarantees no executable content or off-list CSS survives a converter bug.
 */
export function sanitizeWechatHtml(html: string): string {
  // WeChat collapses raw U+00A0 in some paths; the entity survives paste and draft/add alike.
  return sanitizeHtml(html, OPTIONS).replace(/\u00a0/g, '&nbsp;')
}
