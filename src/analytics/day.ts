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
