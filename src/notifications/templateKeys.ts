// A template's keyword keys, read from its content (get_all_private_template, wechat-api.md §1.7), and the
// keywords mapping an order notification would use for them (src/notifications/format.ts). Pure: the admin's
// template picker runs it in the browser.
import type { NotificationSource } from './format'

/** Old-style templates wrap their keywords in a `first` line and a `remark` line: those are not keywords. */
const NOT_KEYWORDS = new Set(['first', 'remark'])
const PLACEHOLDER = /\{\{\s*([A-Za-z_]+\d*)\.DATA\s*\}\}/g

/** `订单号：{{character_string1.DATA}}\n…` → ['character_string1', …], in order, once each. */
export function templateKeys(content: string | null | undefined): string[] {
  const keys: string[] = []
  for (const [, key] of (content ?? '').matchAll(PLACEHOLDER)) {
    if (!NOT_KEYWORDS.has(key!) && !keys.includes(key!)) keys.push(key!)
  }
  return keys
}

const SOURCE_OF_TYPE: Record<string, NotificationSource> = {
  character_string: 'number',
  amount: 'total',
  time: 'time',
  date: 'time',
  phrase: 'status',
}

/** The order field a key would show: the first `thing` is the product, later ones the note; unknown types none. */
function sourceOf(key: string, thingsBefore: number): NotificationSource | undefined {
  const type = key.replace(/\d+$/, '')
  if (type === 'thing') return thingsBefore === 0 ? 'product' : 'note'
  return SOURCE_OF_TYPE[type]
}

/** ['character_string1', 'thing2', 'amount3'] → 'character_string1:number,thing2:product,amount3:total'. */
export function suggestKeywords(keys: string[]): string {
  let things = 0
  const pairs: string[] = []
  for (const key of keys) {
    const source = sourceOf(key, things)
    if (key.replace(/\d+$/, '') === 'thing') things++
    if (source) pairs.push(`${key}:${source}`)
  }
  return pairs.join(',')
}
