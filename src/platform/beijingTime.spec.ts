import { describe, expect, it } from 'vitest'

import {
  beijingDay,
  beijingDayNumber,
  beijingDayStart,
  beijingHour,
  beijingHourStart,
  beijingMinute,
  beijingRfc3339,
  daysBetween,
  isDay,
  splitIntoMonths,
} from './beijingTime'

describe('report windows in Beijing days', () => {
  it('lists the days of a range, across months and a leap day', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01'])
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([])
  })

  it('knows a real day', () => {
    expect(isDay('2026-02-28')).toBe(true)
    expect(isDay('2026-02-29')).toBe(false)
    expect(isDay('2026-2-1')).toBe(false)
    expect(isDay('2026-13-01')).toBe(false)
    expect(isDay('2026-12-32')).toBe(false)
  })

  it('splits a long window into whole months and the days at either end', () => {
    expect(splitIntoMonths('2026-09-03', '2026-12-01')).toEqual({
      months: ['2026-10', '2026-11'],
      days: [
        ['2026-09-03', '2026-09-30'],
        ['2026-12-01', '2026-12-01'],
      ],
    })
    expect(splitIntoMonths('2026-02-01', '2026-02-28')).toEqual({ months: ['2026-02'], days: [] })
    expect(splitIntoMonths('2026-11-25', '2026-12-01')).toEqual({ months: [], days: [['2026-11-25', '2026-12-01']] })
    // Every day is covered exactly once.
    const { months, days } = splitIntoMonths('2025-12-15', '2026-03-10')
    const covered = [
      ...months.flatMap((m) => daysBetween(`${m}-01`, '2026-12-31').filter((d) => d.startsWith(m))),
      ...days.flatMap(([a, b]) => daysBetween(a, b)),
    ].sort()
    expect(covered).toEqual(daysBetween('2025-12-15', '2026-03-10'))
  })
})

describe('Beijing time of an instant', () => {
  const lateUtc = Date.UTC(2026, 10, 22, 16, 5, 9) // already 23 Nov in Beijing

  it('names the Beijing day, hour and minute, and counts days across midnight UTC+8', () => {
    expect(beijingDay(lateUtc)).toBe('2026-11-23')
    expect(beijingHour(lateUtc)).toBe('2026-11-23T00')
    expect(beijingMinute(lateUtc)).toBe('2026-11-23 00:05')
    expect(beijingDayNumber(lateUtc)).toBe(beijingDayNumber(Date.UTC(2026, 10, 22, 16, 0, 0)))
    expect(beijingDayNumber(lateUtc)).toBe(beijingDayNumber(Date.UTC(2026, 10, 22, 15, 59, 59)) + 1)
    expect(new Date(beijingDayNumber(lateUtc) * 86_400_000).toISOString().slice(0, 10)).toBe(beijingDay(lateUtc))
  })

  it('reads day and hour starts back as instants', () => {
    expect(beijingDayStart('2026-11-23').toISOString()).toBe('2026-11-22T16:00:00.000Z')
    expect(beijingHourStart(beijingHour(lateUtc)).getTime()).toBe(Date.UTC(2026, 10, 22, 16, 0, 0))
  })

  it('writes RFC 3339 in +08:00', () => {
    expect(beijingRfc3339(lateUtc)).toBe('2026-11-23T00:05:09+08:00')
    expect(beijingRfc3339(new Date(lateUtc))).toBe('2026-11-23T00:05:09+08:00')
  })
})
