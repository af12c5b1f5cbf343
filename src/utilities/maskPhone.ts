/** 13800138000 → 138****8000: enough for the buyer to recognise, not enough for an onlooker to dial. */
export function maskPhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').trim()
  if (digits.length < 7) return digits ? '****' : ''
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}
