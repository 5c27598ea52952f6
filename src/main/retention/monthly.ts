import type { Kysely } from 'kysely'
import { dayNumber, fromDayNumber, monthStart } from '../../shared/calendar'
import type { ChurnByMonth, SecondPurchase } from '../../shared/api/retention'
import type { Database } from '../db/schema'
import { buyers, loadHistory, monthOfDay, resolveAsOf, type History } from './history'
import { ACTIVE_DAYS, MONTHS, SECOND_PURCHASE_DAYS } from './rules'

// The monthly retention figures: the second-purchase rate of each month's new customers, and churn and
// retention of the active base month by month (README.md).

export interface MonthSpan {
  month: string
  /** Day numbers of the month's first day and its last counted day (the as-of day in the as-of month). */
  from: number
  to: number
}

/** The `count` months ending with the as-of date's month, oldest first. */
export function monthsUpTo(asOf: string, count = MONTHS): MonthSpan[] {
  const asOfDay = dayNumber(asOf)
  return Array.from({ length: count }, (_, i) => {
    const first = monthStart(asOf, i - count + 1)
    return {
      month: first.slice(0, 7),
      from: dayNumber(first),
      to: Math.min(asOfDay, dayNumber(monthStart(first, 1)) - 1),
    }
  })
}

/** Whether a sorted list of days has one in [from, to]. */
export function anyIn(days: readonly number[], from: number, to: number): boolean {
  let lo = 0
  let hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((days[mid] ?? 0) < from) lo = mid + 1
    else hi = mid
  }
  return lo < days.length && (days[lo] ?? 0) <= to
}

export function secondPurchaseOf(history: History, windowDays = SECOND_PURCHASE_DAYS): SecondPurchase {
  const spans = monthsUpTo(history.asOf)
  const months = spans.map((s) => ({
    month: s.month,
    newCustomers: 0,
    returned: 0,
    eligible: 0,
    returnedWithin: 0,
    rate: null as number | null,
  }))
  const at = new Map(months.map((m, i) => [m.month, i]))
  for (const c of buyers(history)) {
    const first = c.purchaseDays[0] ?? 0
    const second = c.purchaseDays[1]
    const row = months[at.get(monthOfDay(first)) ?? -1]
    if (!row) continue
    row.newCustomers++
    if (second !== undefined) row.returned++
    if (first + windowDays <= history.asOfDay) {
      row.eligible++
      if (second !== undefined && second - first <= windowDays) row.returnedWithin++
    }
  }
  for (const m of months) m.rate = m.eligible > 0 ? m.returnedWithin / m.eligible : null
  const eligible = months.reduce((s, m) => s + m.eligible, 0)
  const returnedWithin = months.reduce((s, m) => s + m.returnedWithin, 0)
  return {
    asOf: history.asOf,
    windowDays,
    months,
    eligible,
    returnedWithin,
    rate: eligible > 0 ? returnedWithin / eligible : null,
  }
}

export function churnByMonthOf(history: History, activeDays = ACTIVE_DAYS): ChurnByMonth {
  const customers = buyers(history)
  const months = monthsUpTo(history.asOf).map((span) => {
    let activeAtStart = 0
    let retained = 0
    let activeAtEnd = 0
    let newCustomers = 0
    for (const c of customers) {
      const days = c.purchaseDays
      const before = anyIn(days, span.from - activeDays, span.from - 1)
      const after = anyIn(days, span.to - activeDays + 1, span.to)
      if (before) activeAtStart++
      if (before && after) retained++
      if (after) activeAtEnd++
      const first = days[0] ?? 0
      if (first >= span.from && first <= span.to) newCustomers++
    }
    const churned = activeAtStart - retained
    return {
      month: span.month,
      activeAtStart,
      retained,
      churned,
      churnRate: activeAtStart > 0 ? churned / activeAtStart : null,
      retentionRate: activeAtStart > 0 ? retained / activeAtStart : null,
      newCustomers,
      activeAtEnd,
    }
  })
  return { asOf: history.asOf, activeDays, months }
}

export async function secondPurchase(
  db: Kysely<Database>,
  asOf: string | undefined,
  today: string,
): Promise<SecondPurchase> {
  return secondPurchaseOf(await loadHistory(db, await resolveAsOf(db, asOf, today)))
}

export async function churnByMonth(
  db: Kysely<Database>,
  asOf: string | undefined,
  today: string,
): Promise<ChurnByMonth> {
  return churnByMonthOf(await loadHistory(db, await resolveAsOf(db, asOf, today)))
}

/** The second-purchase card: a year of new customers whose window has closed by the as-of date. */
export function secondPurchaseCardOf(history: History, windowDays = SECOND_PURCHASE_DAYS) {
  const to = history.asOfDay - windowDays
  const from = to - 364
  let eligible = 0
  let returnedWithin = 0
  for (const c of buyers(history)) {
    const first = c.purchaseDays[0] ?? 0
    if (first < from || first > to) continue
    eligible++
    const second = c.purchaseDays[1]
    if (second !== undefined && second - first <= windowDays) returnedWithin++
  }
  return {
    asOf: history.asOf,
    windowDays,
    from: fromDayNumber(from),
    to: fromDayNumber(to),
    eligible,
    returnedWithin,
    rate: eligible > 0 ? returnedWithin / eligible : null,
  }
}
