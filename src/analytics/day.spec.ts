import { describe, expect, it } from 'vitest'

import { daysBetween, isDay, splitIntoMonths } from './day'

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
    expect(splitIntoMonths('2026-09-03', '2026-12-01')).toEqual({ months: ['2026-10', '2026-11'], days: [['2026-09-03', '2026-09-30'], ['2026-12-01', '2026-12-01']] })
    expect(splitIntoMonths('2026-02-01', '2026-02-28')).toEqual({ months: ['2026-02'], days: [] })
    expect(splitIntoMonths('2026-11-25', '2026-12-01')).toEqual({ months: [], days: [['2026-11-25', '2026-12-01']] })
    // Every day is covered exactly once.
    const { months, days } = splitIntoMonths('2025-12-15', '2026-03-10')
    const covered = [...months.flatMap((m) => daysBetween(`${m}-01`, '2026-12-31').filter((d) => d.startsWith(m))), ...days.flatMap(([a, b]) => daysBetween(a, b))].sort()
    expect(covered).toEqual(daysBetween('2025-12-15', '2026-03-10'))
  })
})
