import crypto from 'node:crypto'

/** §4.3: out_trade_no is 6–32 characters of [0-9A-Za-z_-|*], unique per mchid. */
export const OUT_TRADE_NO_PATTERN = /^[0-9A-Za-z_\-|*]{6,32}$/
/** §4.8: out_refund_no is up to 64 characters of [0-9A-Za-z_-|*@]. */
export const OUT_REFUND_NO_PATTERN = /^[0-9A-Za-z_\-|*@]{1,64}$/

function shortHash(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex').slice(0, 8)
}

function channelNumber(orderNumber: string, attempt: number, maxLength: number, label: string): string {
  if (!Number.isSafeInteger(attempt) || attempt < 1) throw new RangeError(`${label}: attempt must be an integer ≥ 1`)
  const suffix = `_${attempt}`
  const safe = orderNumber.replace(/[^0-9A-Za-z_-]/g, '')
  const room = maxLength - suffix.length
  // Keep the number readable; when characters had to be dropped or cut, add a hash so that
  // different order numbers can never map to the same channel number.
  const needsHash = safe !== orderNumber || safe.length > room || safe.length + suffix.length < 6
  const base = needsHash ? `${safe.slice(0, room - 9)}-${shortHash(orderNumber)}` : safe
  return `${base}${suffix}`
}

/** A per-attempt payment number, distinct from the CMS order number (§4.10): `<order>_<attempt>`. */
export function newOutTradeNo(orderNumber: string, attempt: number): string {
  return channelNumber(orderNumber, attempt, 32, 'newOutTradeNo')
}

/** A per-refund number: `<order>R_<n>`; keep it fixed across retries of the same refund (§4.10). */
export function newOutRefundNo(orderNumber: string, refundIndex: number): string {
  return channelNumber(`${orderNumber}R`, refundIndex, 64, 'newOutRefundNo')
}
