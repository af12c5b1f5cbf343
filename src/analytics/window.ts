// The report window from a query string — the dashboard's links and form, the JSON and the CSV all read it here.
import { daysBetween, isDay } from '@/platform/beijingTime'

export const WINDOW_DAYS = [7, 30, 90] as const
/** The longest window a report covers (a custom range of more days is refused). */
export const MAX_WINDOW_DAYS = 366

export type ReportWindow = { days: number } | { fromDay: string; toDay: string }
export type WindowError = { field: string; message: string }

type Params = { get(name: string): string | null }

/** `days=7|30|90` (default 7), or a custom `from`/`to` range of Beijing days (YYYY-MM-DD, both included). */
export function parseWindow(q: Params): ReportWindow | WindowError {
  const from = q.get('from') || null
  const to = q.get('to') || null
  if (from || to) {
    if (!from) return { field: 'from', message: 'from: 请同时填写开始日期 (YYYY-MM-DD)' }
    if (!to) return { field: 'to', message: 'to: 请同时填写结束日期 (YYYY-MM-DD)' }
    if (!isDay(from)) return { field: 'from', message: 'from: 日期格式应为 YYYY-MM-DD' }
    if (!isDay(to)) return { field: 'to', message: 'to: 日期格式应为 YYYY-MM-DD' }
    const span = daysBetween(from, to).length
    if (span === 0) return { field: 'to', message: 'to: 结束日期不能早于开始日期' }
    if (span > MAX_WINDOW_DAYS) return { field: 'to', message: `to: 时间范围最长 ${MAX_WINDOW_DAYS} 天` }
    return { fromDay: from, toDay: to }
  }
  const days = q.get('days')
  if (days === null || days === '') return { days: 7 }
  const n = Number(days)
  if (!(WINDOW_DAYS as readonly number[]).includes(n)) return { field: 'days', message: `days: 只能是 ${WINDOW_DAYS.join('、')}（或用 from/to 指定日期范围）` }
  return { days: n }
}

export const isWindowError = (w: ReportWindow | WindowError): w is WindowError => 'field' in w

/** The query string of a window (for links and CSV exports). */
export const windowQuery = (w: ReportWindow) => ('days' in w ? `days=${w.days}` : `from=${w.fromDay}&to=${w.toDay}`)

/** A file-name part: `30d`, or `2026-11-01_2026-11-30`. */
export const windowLabel = (w: ReportWindow) => ('days' in w ? `${w.days}d` : `${w.fromDay}_${w.toDay}`)
