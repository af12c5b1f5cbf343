// Template-message field values (wechat-api.md §1.7.1): each keyword key is `<type><n>` and its value must obey
// the type's rule, or WeChat answers 47003. We fit values to the rule (truncate, strip) instead of failing.

/** What an order notification can say; a template's keywords map onto these sources. */
export type NotificationSource = 'number' | 'product' | 'total' | 'time' | 'status' | 'note'
export const NOTIFICATION_SOURCES: NotificationSource[] = ['number', 'product', 'total', 'time', 'status', 'note']

/** Used when a template row has no mapping: a common 类目模板 layout for order notices. */
export const DEFAULT_KEYWORDS = 'character_string1:number,thing2:product,amount3:total,time4:time,phrase5:status'

export type NotificationValues = Record<NotificationSource, string>

const chars = (s: string) => [...s]
const cut = (s: string, max: number, ellipsis = '…') => {
  const c = chars(s)
  return c.length <= max ? s : c.slice(0, max - ellipsis.length).join('') + ellipsis
}
// eslint-disable-next-line no-control-regex -- C0 controls and DEL: a template value shows them as spaces
const CONTROLS = /[\u0000-\u001f\u007f]+/g
const clean = (s: string) => s.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim()

/** Cents → `¥12.90` (one currency symbol, ≤ 10 digits before the point). */
export function formatAmount(cents: number): string {
  const value = Math.max(0, Math.round(cents)) / 100
  return `¥${Math.min(value, 9_999_999_999).toFixed(2)}`
}

/**
 * Fits one value to its keyword's type rule. Returns undefined when nothing valid is left (the key is then
 * left out, which WeChat shows as empty, rather than failing the whole message).
 */
export function fitValue(key: string, raw: string): string | undefined {
  const type = key.replace(/\d+$/, '')
  const value = clean(raw)
  let out: string
  switch (type) {
    case 'thing':
      out = cut(value, 20)
      break
    case 'character_string':
      out = value.replace(/[^\x21-\x7e]/g, '').slice(0, 32)
      break
    case 'number': {
      const m = /\d+(\.\d+)?/.exec(value.replace(/,/g, ''))
      out = m ? m[0].slice(0, 32) : ''
      break
    }
    case 'letter':
      out = value.replace(/[^A-Za-z]/g, '').slice(0, 32)
      break
    case 'symbol':
      out = chars(value.replace(/[\p{L}\p{N}\s]/gu, ''))
        .slice(0, 5)
        .join('')
      break
    case 'amount': {
      const m = /(\d{1,10})(\.\d{1,2})?/.exec(value.replace(/,/g, ''))
      out = m ? `¥${m[1]}${m[2] ?? ''}` : ''
      break
    }
    case 'time':
    case 'date':
      // Half-width `~` for ranges (a full-width one fails).
      out = value.replace(/～/g, '~')
      break
    case 'phone_number':
      out = value
        .replace(/[^0-9+\-() ]/g, '')
        .slice(0, 17)
        .trim()
      break
    case 'car_number':
      out = chars(value).slice(0, 8).join('')
      break
    case 'name':
      out = /^\p{Script=Han}+$/u.test(value)
        ? chars(value).slice(0, 10).join('')
        : value
            .replace(/[^A-Za-z ]/g, '')
            .slice(0, 20)
            .trim()
      break
    case 'phrase':
      // ≤ 5 CJK characters only: keep the Han characters.
      out = chars(value.replace(/[^\p{Script=Han}]/gu, ''))
        .slice(0, 5)
        .join('')
      break
    default:
      out = cut(value, 20)
  }
  return out ? out : undefined
}

/** Parses `thing2:product, amount3:total`; unknown sources and malformed keys are dropped. */
export function parseKeywords(spec: string | null | undefined): { key: string; source: NotificationSource }[] {
  const text = spec?.trim() ? spec : DEFAULT_KEYWORDS
  return text
    .split(/[,\n;，]/)
    .map((part) => part.split(/[:=：]/).map((s) => s.trim()))
    .filter((p): p is [string, NotificationSource] => p.length === 2 && /^[a-z_]+\d+$/.test(p[0]) && NOTIFICATION_SOURCES.includes(p[1] as NotificationSource))
    .map(([key, source]) => ({ key, source }))
}

/** The template `data` for one notification, every value fitted to its keyword type. */
export function templateData(spec: string | null | undefined, values: NotificationValues): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const { key, source } of parseKeywords(spec)) {
    const value = fitValue(key, values[source] ?? '')
    if (value !== undefined) data[key] = { value }
  }
  return data
}
