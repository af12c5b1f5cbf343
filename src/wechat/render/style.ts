/** A style token map: CSS property → value. Undefined/empty values are skipped so themes can omit properties. */
export type StyleMap = Record<string, string | number | undefined>

export function css(...maps: (StyleMap | undefined)[]): string {
  const merged: StyleMap = Object.assign({}, ...maps.filter(Boolean))
  const parts: string[] = []
  for (const [prop, value] of Object.entries(merged)) {
    if (value === undefined || value === '') continue
    parts.push(`${prop}:${typeof value === 'string' ? shortHex(value) : value}`)
  }
  return parts.join(';')
}

/** ` style="…"` attribute (values come from theme tokens and validated colours only, never from content). */
export function styleAttr(...maps: (StyleMap | undefined)[]): string {
  const s = css(...maps)
  return s ? ` style="${s.replace(/"/g, "'")}"` : ''
}

/** `#333333` → `#333`: WeChat counts every character of the HTML against the 20,000 limit. */
function shortHex(value: string): string {
  return value.replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3\b/gi, '#$1$2$3')
}
