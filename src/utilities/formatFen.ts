/** Integer fen (分) → '¥12.90'. Money is never a float in this codebase; non-integers are a bug upstream. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatFen expects an integer number of fen, got ${fen}`)
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`
}
