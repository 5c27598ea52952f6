import { addDays, dayNumber, monthStart, weekday } from '../../shared/calendar'

// The demo's calendar: every day of the 18 months up to the end date, with how busy the café is that day.

/** A Thai café's year: busy in the cool season and at New Year, quieter in the hot and rainy months. */
const MONTH_FACTOR = [1.15, 1.15, 1.0, 0.85, 0.9, 0.85, 0.8, 0.85, 0.8, 0.95, 1.1, 1.45] as const
/** Sunday first: weekends are the busiest days. */
const WEEKDAY_FACTOR = [1.25, 0.9, 0.85, 0.9, 0.95, 1.05, 1.3] as const

export interface DemoDay {
  date: string
  /** 1-12. */
  month: number
  dayOfMonth: number
  /** How busy the day is relative to an average day. */
  traffic: number
}

export const DEMO_MONTHS = 18

export function demoDays(endDate: string): DemoDay[] {
  const start = monthStart(endDate, -(DEMO_MONTHS - 1))
  const count = dayNumber(endDate) - dayNumber(start) + 1
  const days: DemoDay[] = []
  for (let i = 0; i < count; i++) {
    const date = addDays(start, i)
    const month = Number(date.slice(5, 7))
    const dayOfMonth = Number(date.slice(8, 10))
    let traffic = (MONTH_FACTOR[month - 1] ?? 1) * (WEEKDAY_FACTOR[weekday(date)] ?? 1)
    if (month === 2 && dayOfMonth === 14) traffic *= 1.8 // Valentine's day cakes
    if (month === 12 && dayOfMonth >= 24) traffic *= 1.4 // New Year gifts and parties
    if (month === 4 && dayOfMonth >= 13 && dayOfMonth <= 15) traffic *= 0.6 // Songkran: people go home
    days.push({ date, month, dayOfMonth, traffic })
  }
  return days
}

/** Opening hours 7:00-19:00 with a morning and an afternoon peak. */
const HOUR_WEIGHTS: readonly (readonly [number, number])[] = [
  [7, 6],
  [8, 10],
  [9, 9],
  [10, 6],
  [11, 5],
  [12, 7],
  [13, 6],
  [14, 7],
  [15, 7],
  [16, 5],
  [17, 4],
  [18, 3],
]

export function hourWeights(): readonly (readonly [number, number])[] {
  return HOUR_WEIGHTS
}

export function timestamp(date: string, hour: number, minute: number, second: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`
}
