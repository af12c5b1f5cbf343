// Beijing time (UTC+8, no daylight saving) is the product's only calendar: times shown to Chinese readers,
// report days and hours, WeChat's daily quotas and WeChat Pay's timestamps, whatever the server's or the browser's
// time zone. Plain arithmetic, so server HTML, the hydrated page and the WeChat HTML agree. Pure and
// dependency-free: used on the server, in client components and by the WeChat renderer.

const BEIJING_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

const pad = (n: number) => String(n).padStart(2, '0')
const msOf = (at: Date | number | string) => (typeof at === 'number' ? at : new Date(at).getTime())
/** The UTC fields of this Date read as Beijing wall-clock time. */
const beijingWall = (at: Date | number | string) => new Date(msOf(at) + BEIJING_OFFSET_MS)

/** Beijing calendar day of an instant, as YYYY-MM-DD: how editors count "yesterday". */
export function beijingDay(at: Date | number | string): string {
  return beijingWall(at).toISOString().slice(0, 10)
}

/** Beijing calendar day of an instant as a day count since the epoch: quota keys that reset at midnight UTC+8. */
export const beijingDayNumber = (ms: number): number => Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS)

/** Beijing hour of an instant as YYYY-MM-DDTHH. */
export const beijingHour = (at: Date | number | string): string => beijingWall(at).toISOString().slice(0, 13)

/** Beijing minute of an instant as `YYYY-MM-DD HH:mm` (WeChat template messages' `time` and `date`). */
export const beijingMinute = (at: Date | number | string): string => beijingWall(at).toISOString().slice(0, 16).replace('T', ' ')

/** RFC 3339 in +08:00, as WeChat Pay writes times (e.g. 2018-06-08T10:34:56+08:00). */
export const beijingRfc3339 = (at: Date | number): string => `${beijingWall(at).toISOString().slice(0, 19)}+08:00`

/** Start of a Beijing day (YYYY-MM-DD) as an instant. */
export function beijingDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`)
}

/** Start of a Beijing hour (YYYY-MM-DDTHH) as an instant. */
export const beijingHourStart = (hour: string): Date => new Date(`${hour}:00:00+08:00`)

/** `12月1日 10:00` (Beijing time) for an instant (epoch ms or ISO string); '' when unreadable. */
export function beijingDateTime(at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at)
  if (!Number.isFinite(ms)) return ''
  const d = beijingWall(ms)
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

/** The last `days` Beijing days ending with the day of `now`, oldest first. */
export function lastDays(days: number, now: Date | number = Date.now()): string[] {
  const end = msOf(now)
  return Array.from({ length: days }, (_, i) => beijingDay(end - (days - 1 - i) * DAY_MS))
}

/** The Beijing days from `fromDay` to `toDay` (YYYY-MM-DD, both included), oldest first; empty when reversed. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const out: string[] = []
  for (let t = beijingDayStart(fromDay).getTime(), end = beijingDayStart(toDay).getTime(); t <= end; t += DAY_MS) out.push(beijingDay(t))
  return out
}

/** A real calendar day written as YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const start = beijingDayStart(value) // Invalid Date for a month 13 or a day 32
  return !Number.isNaN(start.getTime()) && beijingDay(start) === value
}

const daysInMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()

/**
 * A range of days as the calendar months it covers whole (YYYY-MM) and the runs of days left at either end, so a
 * long window reads month rows for its middle.
 */
export function splitIntoMonths(fromDay: string, toDay: string): { months: string[]; days: [string, string][] } {
  const all = daysBetween(fromDay, toDay)
  const byMonth = new Map<string, number>()
  for (const day of all) byMonth.set(day.slice(0, 7), (byMonth.get(day.slice(0, 7)) ?? 0) + 1)
  const months = [...byMonth].filter(([month, n]) => n === daysInMonth(month)).map(([month]) => month)
  const full = new Set(months)
  const days: [string, string][] = []
  for (const day of all) {
    if (full.has(day.slice(0, 7))) continue
    const run = days.at(-1)
    if (run && daysBetween(run[1], day).length === 2) run[1] = day
    else days.push([day, day])
  }
  return { months, days }
}
