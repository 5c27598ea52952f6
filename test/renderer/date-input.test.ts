import { describe, expect, it } from 'vitest'
import { formatDate, formatYear, parseDateInput } from '../../src/shared/format/dates'

describe('dates a person types', () => {
  it('reads ISO, day-first numeric dates in either era, and the dates the fields show', () => {
    expect(parseDateInput('2026-05-28')).toBe('2026-05-28')
    expect(parseDateInput('28/5/2569')).toBe('2026-05-28')
    expect(parseDateInput('28/05/2026')).toBe('2026-05-28')
    expect(parseDateInput(' 1.12.2568 ')).toBe('2025-12-01')
    expect(parseDateInput('2569-05-28')).toBe('2026-05-28')
    // what the field shows in each language and era reads back as the same day
    for (const language of ['th', 'en'] as const) {
      for (const style of ['buddhist', 'gregorian'] as const) {
        for (const day of ['2026-05-28', '2025-12-01', '2024-02-29']) {
          expect(parseDateInput(formatDate(day, language, style)), `${language} ${style} ${day}`).toBe(day)
        }
      }
    }
    expect(parseDateInput('28 พฤษภาคม 2569')).toBe('2026-05-28')
    expect(parseDateInput('28 may 2026')).toBe('2026-05-28')
  })

  it('refuses what is not a date', () => {
    for (const text of ['', '31/2/2569', '29/2/2025', '2026-13-01', '28/5/69', 'พรุ่งนี้', '28 Foo 2026']) {
      expect(parseDateInput(text), text).toBeNull()
    }
  })

  it('shows the year in the date style’s era', () => {
    expect(formatYear('2026-05-28', 'th', 'buddhist')).toBe('2569')
    expect(formatYear('2026-05-28', 'en', 'buddhist')).toBe('2569')
    expect(formatYear('2026-05-28', 'th', 'gregorian')).toBe('2026')
  })
})
