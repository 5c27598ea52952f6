import type { Sqlite } from '../db'
import type { Cohorts } from '../../shared/api/analysis'
import { addDays, dayNumber } from './dates'
import { latestSaleDate } from './rfm'

// Monthly acquisition cohorts, computed live from the receipts in one pass in customer and time order (the
// covering index receipts_customer_activity):
// - a customer's cohort is the month of their first sale receipt (sale receipts whose net total is 0 are no
//   purchase here either, as in RFM);
// - active[k]: cohort customers with at least one sale receipt in the k-th month after that (k = 0: all);
// - revenue: net (sales minus refunds, as in RFM) by the month of the receipt; a refund dated before the
//   customer's first sale (clock skew in an export) counts in the month of that first sale, so the totals
//   agree with RFM's monetary;
// - new vs returning per month: customers whose first sale is in that month, and customers with a sale that
//   month who were acquired earlier, with their net revenue; sales without a customer are shown apart;
// - second purchase: new customers who bought again on a later day, by asOf and within 30, 60 and 90 days of
//   their first purchase (only customers acquired at least that long before asOf are eligible).

export const SECOND_PURCHASE_DAYS = [30, 60, 90] as const

export interface CohortOptions {
  asOf?: string
  months?: number
}

interface CohortAccumulator {
  customers: number
  active: number[]
  revenue: number[]
  converted: number
  eligible: number[]
  within: number[]
}

/** Months since year 0 of a 'YYYY-MM...' text, read from its character codes (this runs once per receipt). */
function monthKey(text: string): number {
  const digit = (i: number): number => text.charCodeAt(i) - 48
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
  return year * 12 + digit(5) * 10 + digit(6) - 1
}

const monthText = (key: number): string =>
  `${String(Math.floor(key / 12)).padStart(4, '0')}-${String((key % 12) + 1).padStart(2, '0')}`

export function computeCohorts(sqlite: Sqlite, options: CohortOptions = {}): Cohorts {
  const asOf = options.asOf ?? latestSaleDate(sqlite)
  if (asOf === null) return { asOf: null, cohorts: [], newVsReturning: [], secondPurchase: [] }
  const end = addDays(asOf, 1)
  const asOfDay = dayNumber(asOf)
  const lastKey = monthKey(asOf)
  const first = sqlite
    .prepare(
      `select min(occurred_at) as first from receipts where kind = 'sale' and net_satang <> 0 and occurred_at < ?`,
    )
    .get(end) as { first: string | null }
  let startKey = first.first === null ? lastKey : monthKey(first.first)
  if (options.months !== undefined) startKey = Math.max(startKey, lastKey - options.months + 1)
  const span = lastKey - startKey + 1
  const zeros = (): number[] => new Array<number>(span).fill(0)
  const newCount = zeros()
  const returningCount = zeros()
  const newRevenue = zeros()
  const returningRevenue = zeros()
  const anonymous = zeros()
  const cohorts: (CohortAccumulator | undefined)[] = new Array<CohortAccumulator | undefined>(span)

  const dayCache = new Map<string, number>()
  const toDay = (at: string): number => {
    const date = at.slice(0, 10)
    let d = dayCache.get(date)
    if (d === undefined) {
      d = dayNumber(date)
      dayCache.set(date, d)
    }
    return d
  }

  // The current customer's state; rows come in customer and time order, so months only move forward.
  let customer: number | null = null
  let cohort = -1 // month key of the first sale, -1 before it
  let firstDay = 0
  let secondDay: number | null = null
  let beforeFirstSale = 0
  let month = -1
  let monthActive = false
  let monthNet = 0

  const flushMonth = (): void => {
    if (month < 0) return
    const at = month - startKey
    if (at >= 0 && at < span) {
      if (month === cohort) {
        newCount[at] = (newCount[at] ?? 0) + (monthActive ? 1 : 0)
        newRevenue[at] = (newRevenue[at] ?? 0) + monthNet
      } else {
        returningCount[at] = (returningCount[at] ?? 0) + (monthActive ? 1 : 0)
        returningRevenue[at] = (returningRevenue[at] ?? 0) + monthNet
      }
    }
    const acc = cohorts[cohort - startKey]
    if (acc) {
      const offset = month - cohort
      if (monthActive) acc.active[offset] = (acc.active[offset] ?? 0) + 1
      acc.revenue[offset] = (acc.revenue[offset] ?? 0) + monthNet
    }
    month = -1
  }
  const flushCustomer = (): void => {
    flushMonth()
    const acc = cohorts[cohort - startKey]
    if (cohort < 0 || !acc) return
    if (secondDay !== null) acc.converted++
    SECOND_PURCHASE_DAYS.forEach((days, i) => {
      if (firstDay + days > asOfDay) return
      acc.eligible[i] = (acc.eligible[i] ?? 0) + 1
      if (secondDay !== null && secondDay - firstDay <= days) acc.within[i] = (acc.within[i] ?? 0) + 1
    })
  }

  const rows = sqlite
    .prepare(
      `select customer_id, occurred_at, kind, net_satang
         from receipts
        where customer_id is not null and +occurred_at < ?
        order by customer_id, occurred_at`,
    )
    .raw()
    .iterate(end) as IterableIterator<[number, string, string, number]>
  for (const [id, at, kind, net] of rows) {
    if (id !== customer) {
      flushCustomer()
      customer = id
      cohort = -1
      secondDay = null
      beforeFirstSale = 0
    }
    const isSale = kind === 'sale' && net !== 0 // a zero-total receipt is no purchase (rfm.ts)
    const signed = isSale ? net : -Math.abs(net)
    if (cohort < 0) {
      if (!isSale) {
        beforeFirstSale += signed
        continue
      }
      cohort = monthKey(at)
      firstDay = toDay(at)
      const at0 = cohort - startKey
      if (at0 >= 0 && at0 < span) {
        let acc = cohorts[at0]
        if (!acc) {
          const length = lastKey - cohort + 1
          acc = {
            customers: 0,
            active: new Array<number>(length).fill(0),
            revenue: new Array<number>(length).fill(0),
            converted: 0,
            eligible: SECOND_PURCHASE_DAYS.map(() => 0),
            within: SECOND_PURCHASE_DAYS.map(() => 0),
          }
          cohorts[at0] = acc
        }
        acc.customers++
      }
      month = cohort
      monthActive = false
      monthNet = beforeFirstSale
    } else if (isSale && secondDay === null) {
      const day = toDay(at)
      if (day !== firstDay) secondDay = day
    }
    const key = monthKey(at)
    if (key !== month) {
      flushMonth()
      month = key
      monthActive = false
      monthNet = 0
    }
    if (isSale) monthActive = true
    monthNet += signed
  }
  flushCustomer()

  const walkIns = sqlite
    .prepare(
      `select substr(occurred_at, 1, 7) as month, kind, sum(net_satang) as net
         from receipts
        where customer_id is null and occurred_at < ?
        group by month, kind`,
    )
    .raw()
    .all(end) as [string, string, number][]
  for (const [m, kind, net] of walkIns) {
    const at = monthKey(m) - startKey
    if (at >= 0 && at < span)
      anonymous[at] = (anonymous[at] ?? 0) + (kind === 'refund' ? -Math.abs(net) : net)
  }

  const months = Array.from({ length: span }, (_, i) => monthText(startKey + i))
  const present = months.flatMap((m, i) => {
    const acc = cohorts[i]
    return acc ? [{ month: m, acc }] : []
  })
  return {
    asOf,
    cohorts: present.map(({ month: m, acc }) => ({
      month: m,
      customers: acc.customers,
      active: acc.active,
      retention: acc.active.map((n) => (acc.customers > 0 ? n / acc.customers : 0)),
      revenueSatang: acc.revenue,
    })),
    newVsReturning: months.map((m, i) => ({
      month: m,
      newCustomers: newCount[i] ?? 0,
      returningCustomers: returningCount[i] ?? 0,
      newRevenueSatang: newRevenue[i] ?? 0,
      returningRevenueSatang: returningRevenue[i] ?? 0,
      anonymousRevenueSatang: anonymous[i] ?? 0,
    })),
    secondPurchase: present.map(({ month: m, acc }) => ({
      month: m,
      newCustomers: acc.customers,
      converted: acc.converted,
      within: SECOND_PURCHASE_DAYS.map((days, i) => ({
        days,
        eligible: acc.eligible[i] ?? 0,
        converted: acc.within[i] ?? 0,
      })),
    })),
  }
}
