// Keyword value rules of template messages (wechat-api.md §1.7.1 table; §5.3 item 20). The type is the key
// without its trailing digits: `thing3` → thing.
const chars = (s: string) => [...s].length
const DATE = String.raw`\d{4}(年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})`
const TIME = String.raw`\d{1,2}:\d{2}(:\d{2})?`
const TIME_VALUE = new RegExp(`^((${DATE})\\s*)?${TIME}$`)
const DATE_VALUE = new RegExp(`^${DATE}(\\s*${TIME})?$`)

// Ranges are joined by a half-width `~`; a full-width `～` fails (§1.7.1 [field]).
const range = (value: string, single: (s: string) => boolean) => {
  const parts = value.split('~').map((p) => p.trim())
  return parts.length <= 2 && parts.every(single)
}

const RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => chars(v) <= 20,
  number: (v) => /^\d+(\.\d+)?$/.test(v) && v.replace('.', '').length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => /^[^\p{L}\p{N}\s]{1,5}$/u.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  time: (v) => range(v, (s) => TIME_VALUE.test(s) || DATE_VALUE.test(s)),
  date: (v) => range(v, (s) => DATE_VALUE.test(s)),
  amount: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[0-9+\-() ]{1,17}$/.test(v),
  car_number: (v) => chars(v) <= 8,
  name: (v) => (/^\p{Script=Han}+$/u.test(v) ? chars(v) <= 10 : /^[A-Za-z ]{1,20}$/.test(v)),
  phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
  enum: (v) => v.length > 0,
}

/** The first invalid `data` key (47003 `argument invalid! data.<key>.value invalid`), or undefined. */
export function invalidTemplateKey(templateKeys: string[], data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return 'data'
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    if (!templateKeys.includes(key)) return key
    const value = (entry as { value?: unknown } | null)?.value
    if (typeof value !== 'string' || value.length === 0) return key
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) return key
    const rule = RULES[key.replace(/\d+$/, '')]
    if (rule && !rule(value)) return key
  }
  return undefined
}
