/** Beijing calendar day (UTC+8, no DST) of an instant, as YYYY-MM-DD: how editors count "yesterday". */
export function beijingDay(at: Date | number | string): string {
  const ms = typeof at === 'number' ? at : new Date(at).getTime()
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The last `days` Beijing days ending with the day of `now`, oldest first. */
export function lastDays(days: number, now: Date | number = Date.now()): string[] {
  const end = typeof now === 'number' ? now : now.getTime()
  return Array.from({ length: days }, (_, i) => beijingDay(end - (days - 1 - i) * 86_400_000))
}

/** Start of a Beijing day as an instant. */
export function beijingDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`)
}

/** The Beijing days from `fromDay` to `toDay` (YYYY-MM-DD, both included), oldest first; empty when reversed. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const out: string[] = []
  for (let t = beijingDayStart(fromDay).getTime(), end = beijingDayStart(toDay).getTime(); t <= end; t += 86_400_000) out.push(beijingDay(t))
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
