import type { Sqlite } from '../db'
import type { Cohorts } from '../../shared/api/analysis'
import { addDays, addMonths, dayNumber, monthOf, monthsBetween } from './dates'
import { latestSaleDate } from './rfm'

// Monthly acquisition cohorts, computed live from the receipts (one grouped pass by customer and day):
// - a customer's cohort is the month of their first sale receipt;
// - active[k]: cohort customers with at least one sale receipt in the k-th month after that (k = 0: all);
// - revenue: net (sales minus refunds, as in RFM) by the month of the receipt;
// - new vs returning per month: customers whose first sale is in that month, and customers active that month
//   who were acquired earlier, with their net revenue; sales without a customer are shown apart;
// - second purchase: new customers who bought again on a later day, by asOf and within 30, 60 and 90 days of
//   their first purchase (only customers acquired at least that long before asOf are eligible).

export const SECOND_PURCHASE_DAYS = [30, 60, 90] as const

interface CustomerTrack {
  cohort: string
  firstDay: number
  secondDay: number | null
}

export interface CohortOptions {
  asOf?: string
  months?: number
}

export function computeCohorts(sqlite: Sqlite, options: CohortOptions = {}): Cohorts {
  const asOf = options.asOf ?? latestSaleDate(sqlite)
  if (asOf === null) return { asOf: null, cohorts: [], newVsReturning: [], secondPurchase: [] }
  const asOfDay = dayNumber(asOf)
  const rows = sqlite
    .prepare(
      `select customer_id, substr(occurred_at, 1, 10) as day, sum(kind = 'sale') as sales,
              sum(case when kind = 'refund' then -abs(net_satang) else net_satang end) as net
         from receipts
        where occurred_at < ?
        group by customer_id, day
        order by customer_id, day`,
    )
    .raw()
    .all(addDays(asOf, 1)) as [number | null, string, number, number][]

  const tracks = new Map<number, CustomerTrack>()
  // (customer, month) activity and revenue, keyed `${customer} ${month}`
  const activeMonths = new Set<string>()
  const revenue = new Map<string, number>()
  const anonymous = new Map<string, number>()
  const dayCache = new Map<string, number>()
  const toDay = (date: string): number => {
    let d = dayCache.get(date)
    if (d === undefined) {
      d = dayNumber(date)
      dayCache.set(date, d)
    }
    return d
  }
  for (const [customer, date, sales, net] of rows) {
    const month = monthOf(date)
    if (customer === null) {
      anonymous.set(month, (anonymous.get(month) ?? 0) + net)
      continue
    }
    let track = tracks.get(customer)
    if (sales > 0) {
      if (!track) {
        track = { cohort: month, firstDay: toDay(date), secondDay: null }
        tracks.set(customer, track)
      } else if (track.secondDay === null) {
        track.secondDay = toDay(date)
      }
      activeMonths.add(`${customer} ${month}`)
    }
    if (track) revenue.set(`${customer} ${month}`, (revenue.get(`${customer} ${month}`) ?? 0) + net)
  }

  const lastMonth = monthOf(asOf)
  const firstCohort = [...tracks.values()].reduce<string | null>(
    (min, t) => (min === null || t.cohort < min ? t.cohort : min),
    null,
  )
  const firstAnonymous = [...anonymous.keys()].sort()[0] ?? null
  let start = [firstCohort, firstAnonymous].filter((m): m is string => m !== null).sort()[0] ?? lastMonth
  if (options.months !== undefined) {
    const limit = addMonths(lastMonth, -(options.months - 1))
    if (limit > start) start = limit
  }
  const months: string[] = []
  for (let m = start; m <= lastMonth; m = addMonths(m, 1)) months.push(m)
  const monthIndex = new Map(months.map((m, i) => [m, i]))

  const cohortSize = new Map<string, number>()
  const cohortActive = new Map<string, number[]>()
  const cohortRevenue = new Map<string, number[]>()
  const newCount = new Array<number>(months.length).fill(0)
  const returningCount = new Array<number>(months.length).fill(0)
  const newRevenue = new Array<number>(months.length).fill(0)
  const returningRevenue = new Array<number>(months.length).fill(0)
  const cohortOf = (customer: number): string | undefined => tracks.get(customer)?.cohort

  for (const track of tracks.values()) {
    if (!monthIndex.has(track.cohort)) continue
    cohortSize.set(track.cohort, (cohortSize.get(track.cohort) ?? 0) + 1)
    const span = monthsBetween(track.cohort, lastMonth) + 1
    if (!cohortActive.has(track.cohort)) {
      cohortActive.set(track.cohort, new Array<number>(span).fill(0))
      cohortRevenue.set(track.cohort, new Array<number>(span).fill(0))
    }
  }
  for (const key of activeMonths) {
    const [id = '', month = ''] = key.split(' ')
    const cohort = cohortOf(Number(id))
    if (cohort === undefined) continue
    const offset = monthsBetween(cohort, month)
    const active = cohortActive.get(cohort)
    if (active) active[offset] = (active[offset] ?? 0) + 1
    const at = monthIndex.get(month)
    if (at !== undefined) {
      if (offset === 0) newCount[at] = (newCount[at] ?? 0) + 1
      else returningCount[at] = (returningCount[at] ?? 0) + 1
    }
  }
  for (const [key, net] of revenue) {
    const [id = '', month = ''] = key.split(' ')
    const cohort = cohortOf(Number(id))
    if (cohort === undefined) continue
    const offset = monthsBetween(cohort, month)
    const list = cohortRevenue.get(cohort)
    if (list && offset >= 0) list[offset] = (list[offset] ?? 0) + net
    const at = monthIndex.get(month)
    if (at !== undefined) {
      if (offset === 0) newRevenue[at] = (newRevenue[at] ?? 0) + net
      else returningRevenue[at] = (returningRevenue[at] ?? 0) + net
    }
  }

  const second = new Map<
    string,
    { newCustomers: number; converted: number; eligible: number[]; within: number[] }
  >()
  for (const track of tracks.values()) {
    if (!monthIndex.has(track.cohort)) continue
    let entry = second.get(track.cohort)
    if (!entry) {
      entry = {
        newCustomers: 0,
        converted: 0,
        eligible: SECOND_PURCHASE_DAYS.map(() => 0),
        within: SECOND_PURCHASE_DAYS.map(() => 0),
      }
      second.set(track.cohort, entry)
    }
    entry.newCustomers++
    if (track.secondDay !== null) entry.converted++
    const counts = entry
    SECOND_PURCHASE_DAYS.forEach((days, i) => {
      if (track.firstDay + days > asOfDay) return
      counts.eligible[i] = (counts.eligible[i] ?? 0) + 1
      if (track.secondDay !== null && track.secondDay - track.firstDay <= days) {
        counts.within[i] = (counts.within[i] ?? 0) + 1
      }
    })
  }

  const cohortMonths = months.filter((m) => cohortSize.has(m))
  return {
    asOf,
    cohorts: cohortMonths.map((month) => {
      const customers = cohortSize.get(month) ?? 0
      const active = cohortActive.get(month) ?? []
      return {
        month,
        customers,
        active,
        retention: active.map((n) => (customers > 0 ? n / customers : 0)),
        revenueSatang: cohortRevenue.get(month) ?? [],
      }
    }),
    newVsReturning: months.map((month, i) => ({
      month,
      newCustomers: newCount[i] ?? 0,
      returningCustomers: returningCount[i] ?? 0,
      newRevenueSatang: newRevenue[i] ?? 0,
      returningRevenueSatang: returningRevenue[i] ?? 0,
      anonymousRevenueSatang: anonymous.get(month) ?? 0,
    })),
    secondPurchase: cohortMonths.map((month) => {
      const entry = second.get(month)
      return {
        month,
        newCustomers: entry?.newCustomers ?? 0,
        converted: entry?.converted ?? 0,
        within: SECOND_PURCHASE_DAYS.map((days, i) => ({
          days,
          eligible: entry?.eligible[i] ?? 0,
          converted: entry?.within[i] ?? 0,
        })),
      }
    }),
  }
}
