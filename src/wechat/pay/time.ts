/** RFC 3339 in China Standard Time, the form WeChat Pay uses (e.g. 2018-06-08T10:34:56+08:00). */
export function formatRfc3339Cst(date: Date | number): string {
  const ms = typeof date === 'number' ? date : date.getTime()
  const shifted = new Date(ms + 8 * 3600_000).toISOString() // yyyy-mm-ddThh:mm:ss.sssZ in UTC+8 wall time
  return `${shifted.slice(0, 19)}+08:00`
}
