// Times shown to Chinese readers are Beijing time (UTC+8, no daylight saving), whatever the server's or the
// browser's time zone: computed with plain arithmetic so server HTML, the hydrated page and the WeChat HTML agree.
// Pure and dependency-free: used by checkout messages, web components (server and client) and the WeChat renderer.

const BEIJING_OFFSET_MS = 8 * 3600_000

const pad = (n: number) => String(n).padStart(2, '0')

/** `12月1日 10:00` (Beijing time) for an instant (epoch ms or ISO string); '' when unreadable. */
export function beijingDateTime(at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at)
  if (!Number.isFinite(ms)) return ''
  const d = new Date(ms + BEIJING_OFFSET_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `12月1日 10:00 开抢`: the start of a flash sale (秒杀). */
export const saleStartLabel = (at: number | string) => `${beijingDateTime(at)} 开抢`

/** The time left until `targetMs` as a countdown: `2天 03:04:05`, `03:04:05`, `04:05`; `00:00` once reached. */
export function countdownText(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000))
  const days = Math.floor(total / 86400)
  const h = Math.floor((total % 86400) / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const clock = h || days ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`
  return days ? `${days}天 ${clock}` : clock
}

/** Epoch ms of an optional date value (ISO string from Payload), or null when empty or unreadable. */
export function instantOf(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value))
  return Number.isFinite(ms) ? ms : null
}
