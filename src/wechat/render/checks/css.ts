export interface Declaration {
  prop: string
  value: string
  important: boolean
}

/**
 * Splits an inline style into declarations, respecting quotes and parentheses (so `url(a;b)` and
 * `'Courier New'` stay whole). Reports the first malformed declaration instead of guessing.
 */
export function parseStyle(style: string): { decls: Declaration[]; error?: string } {
  const parts: string[] = []
  let current = ''
  let quote = ''
  let depth = 0
  for (const ch of style) {
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === '(') depth++
    else if (ch === ')') depth = Math.max(0, depth - 1)
    else if (ch === ';' && depth === 0) {
      parts.push(current)
      current = ''
      continue
    }
    current += ch
  }
  parts.push(current)
  if (quote || depth) return { decls: [], error: `unbalanced quotes or parentheses in "${style.slice(0, 60)}"` }
  const decls: Declaration[] = []
  for (const part of parts) {
    if (!part.trim()) continue
    const colon = part.indexOf(':')
    if (colon < 0) return { decls, error: `"${part.trim().slice(0, 40)}" is not a declaration` }
    const prop = part.slice(0, colon).trim().toLowerCase()
    let value = part.slice(colon + 1).trim()
    const important = /!\s*important$/i.test(value)
    if (important) value = value.replace(/!\s*important$/i, '').trim()
    if (!prop || !value) return { decls, error: `empty property or value in "${part.trim().slice(0, 40)}"` }
    decls.push({ prop, value, important })
  }
  return { decls }
}

/** Splits a comma list (font-family) outside quotes. */
export function splitCommas(value: string): string[] {
  const out: string[] = []
  let current = ''
  let quote = ''
  for (const ch of value) {
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === ',') {
      out.push(current.trim())
      current = ''
      continue
    }
    current += ch
  }
  out.push(current.trim())
  return out
}

/** `12px` → 12, `48%` → {percent}; anything else undefined. */
export function lengthOf(value: string | undefined): { px?: number; percent?: number } | undefined {
  if (!value) return undefined
  const m = /^(-?\d*\.?\d+)(px|%)$/.exec(value.trim())
  if (!m) return undefined
  return m[2] === 'px' ? { px: Number(m[1]) } : { percent: Number(m[1]) }
}
