/** Text the editor sees for an amount in fen: 1290 → "12.90"; empty for no value. */
export function fenToYuanInput(fen: number | null | undefined): string {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return ''
  return (fen / 100).toFixed(2)
}

/**
 * Parses what the editor typed in yuan into fen. Returns NaN for text that is not an amount (so the
 * server's validation reports it as a field error instead of silently saving something else),
 * and null for an empty box.
 */
export function yuanInputToFen(text: string): number | null {
  const trimmed = text.trim().replace(/^¥/, '').replace(/,/g, '')
  if (!trimmed) return null
  if (!/^-?\d+(\.\d{0,2})?$/.test(trimmed)) return Number.NaN
  const negative = trimmed.startsWith('-')
  const [yuan, decimals = ''] = trimmed.replace('-', '').split('.')
  const fen = Number(yuan) * 100 + Number(decimals.padEnd(2, '0'))
  return negative ? -fen : fen
}
