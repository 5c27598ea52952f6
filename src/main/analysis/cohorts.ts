import type { Sqlite } from '../db'
import { receiptDay } from '../db/receipt-day'
import type { Cohorts } from '../../shared/api/analysis'
import { addDays, dateOfDay, dayNumber } from './dates'
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
  const year =
    (text.charCodeAt(0) - 48) * 1000 +
    (text.charCodeAt(1) - 48) * 100 +
    (text.charCodeAt(2) - 48) * 10 +
    (text.charCodeAt(3) - 48)
  return year * 12 + (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48) - 1
}

const monthText = (key: number): string =>
  `${String(Math.floor(key / 12)).padStart(4, '0')}-${String((key % 12) + 1).padStart(2, '0')}`

/** The month key of the first purchase (a sale whose net total is not 0) up to `end`, exclusive. */
function firstPurchaseKey(sqlite: Sqlite, end: string): number | null {
  const first = sqlite
    .prepare(
      `select min(occurred_at) as first from receipts where kind = 'sale' and net_satang <> 0 and occurred_at < ?`,
    )
    .get(end) as { first: string | null }
  return first.first === null ? null : monthKey(first.first)
}

/**
 * The cohorts as a fold over each customer's receipts, fed in customer and time order (`add`), so the analysis
 * run can build them in the same pass that reads RFM and the model inputs (run.ts), and computeCohorts on its
 * own. `finish` takes the walk-in revenue by month and kind.
 */
export class CohortBuilder {
  private readonly asOfDay: number
  private readonly lastKey: number
  private readonly span: number
  private readonly newCount: number[]
  private readonly returningCount: number[]
  private readonly newRevenue: number[]
  private readonly returningRevenue: number[]
  private readonly cohorts: (CohortAccumulator | undefined)[]
  private readonly monthCache = new Map<number, number>()
  // The current customer's state; rows come in customer and time order, so months only move forward.
  private customer: number | null = null
  private cohort = -1 // month key of the first sale, -1 before it
  private firstDay = 0
  private secondDay: number | null = null
  private beforeFirstSale = 0
  private month = -1
  private monthActive = false
  private monthNet = 0

  constructor(
    readonly asOf: string,
    private readonly startKey: number,
  ) {
    this.asOfDay = dayNumber(asOf)
    this.lastKey = monthKey(asOf)
    this.span = Math.max(0, this.lastKey - startKey + 1)
    const zeros = (): number[] => new Array<number>(this.span).fill(0)
    this.newCount = zeros()
    this.returningCount = zeros()
    this.newRevenue = zeros()
    this.returningRevenue = zeros()
    this.cohorts = new Array<CohortAccumulator | undefined>(this.span)
  }

  /** The month key of a day number (a few hundred distinct days per run, so cached). */
  private monthOfDay(day: number): number {
    let key = this.monthCache.get(day)
    if (key === undefined) {
      key = monthKey(dateOfDay(day))
      this.monthCache.set(day, key)
    }
    return key
  }

  private flushMonth(): void {
    const { month, cohort, startKey, span } = this
    if (month < 0) return
    const at = month - startKey
    if (at >= 0 && at < span) {
      const active = this.monthActive ? 1 : 0
      if (month === cohort) {
        this.newCount[at] = (this.newCount[at] ?? 0) + active
        this.newRevenue[at] = (this.newRevenue[at] ?? 0) + this.monthNet
      } else {
        this.returningCount[at] = (this.returningCount[at] ?? 0) + active
        this.returningRevenue[at] = (this.returningRevenue[at] ?? 0) + this.monthNet
      }
    }
    const acc = this.cohorts[cohort - startKey]
    if (acc) {
      const offset = month - cohort
      if (this.monthActive) acc.active[offset] = (acc.active[offset] ?? 0) + 1
      acc.revenue[offset] = (acc.revenue[offset] ?? 0) + this.monthNet
    }
    this.month = -1
  }

  private flushCustomer(): void {
    this.flushMonth()
    const acc = this.cohorts[this.cohort - this.startKey]
    if (this.cohort < 0 || !acc) return
    const { firstDay, secondDay } = this
    if (secondDay !== null) acc.converted++
    SECOND_PURCHASE_DAYS.forEach((days, i) => {
      if (firstDay + days > this.asOfDay) return
      acc.eligible[i] = (acc.eligible[i] ?? 0) + 1
      if (secondDay !== null && secondDay - firstDay <= days) acc.within[i] = (acc.within[i] ?? 0) + 1
    })
  }

  /**
   * One receipt of a known customer dated on or before asOf (its day number, whether it is a sale, its net);
   * rows sorted by customer, then time.
   */
  add(id: number, day: number, sale: boolean, net: number): void {
    if (id !== this.customer) {
      this.flushCustomer()
      this.customer = id
      this.cohort = -1
      this.secondDay = null
      this.beforeFirstSale = 0
    }
    const isSale = sale && net !== 0 // a zero-total receipt is no purchase (rfm.ts)
    const signed = isSale ? net : -Math.abs(net)
    const key = this.monthOfDay(day)
    if (this.cohort < 0) {
      if (!isSale) {
        this.beforeFirstSale += signed
        return
      }
      const cohort = key
      this.cohort = cohort
      this.firstDay = day
      const at0 = cohort - this.startKey
      if (at0 >= 0 && at0 < this.span) {
        let acc = this.cohorts[at0]
        if (!acc) {
          const length = this.lastKey - cohort + 1
          acc = {
            customers: 0,
            active: new Array<number>(length).fill(0),
            revenue: new Array<number>(length).fill(0),
            converted: 0,
            eligible: SECOND_PURCHASE_DAYS.map(() => 0),
            within: SECOND_PURCHASE_DAYS.map(() => 0),
          }
          this.cohorts[at0] = acc
        }
        acc.customers++
      }
      this.month = cohort
      this.monthActive = false
      this.monthNet = this.beforeFirstSale
    } else if (isSale && this.secondDay === null) {
      if (day !== this.firstDay) this.secondDay = day
    }
    if (key !== this.month) {
      this.flushMonth()
      this.month = key
      this.monthActive = false
      this.monthNet = 0
    }
    if (isSale) this.monthActive = true
    this.monthNet += signed
  }

  /** The cohorts, with the walk-in (no customer) net revenue as [month 'YYYY-MM', kind, net] rows. */
  finish(walkIns: [string, string, number][]): Cohorts {
    this.flushCustomer()
    const { startKey, span } = this
    const anonymous = new Array<number>(span).fill(0)
    for (const [m, kind, net] of walkIns) {
      const at = monthKey(m) - startKey
      if (at >= 0 && at < span)
        anonymous[at] = (anonymous[at] ?? 0) + (kind === 'refund' ? -Math.abs(net) : net)
    }
    const months = Array.from({ length: span }, (_, i) => monthText(startKey + i))
    const present = months.flatMap((m, i) => {
      const acc = this.cohorts[i]
      return acc ? [{ month: m, acc }] : []
    })
    return {
      asOf: this.asOf,
      cohorts: present.map(({ month: m, acc }) => ({
        month: m,
        customers: acc.customers,
        active: acc.active,
        retention: acc.active.map((n) => (acc.customers > 0 ? n / acc.customers : 0)),
        revenueSatang: acc.revenue,
      })),
      newVsReturning: months.map((m, i) => ({
        month: m,
        newCustomers: this.newCount[i] ?? 0,
        returningCustomers: this.returningCount[i] ?? 0,
        newRevenueSatang: this.newRevenue[i] ?? 0,
        returningRevenueSatang: this.returningRevenue[i] ?? 0,
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
}

/** Day numbers are stored offset by this in readActivity's packed column: every 4-digit year fits. */
export const DAY_OFFSET = 2 ** 23
/** packed = customer * PACK_SPAN + (day + DAY_OFFSET) * 2 + sale flag: 24 bits of day, 1 of the flag. */
export const PACK_SPAN = 2 ** 25
/** Customer ids below this keep the packed column an exact integer (2^28 * 2^25 = 2^53). */
const MAX_PACKED_CUSTOMER = 2 ** 28

/**
 * Every known customer's receipts in customer and time order, as two parallel columns (see readActivity):
 * receipt i is customer floor(packed[i] / PACK_SPAN) on day number ((rest >> 1) - DAY_OFFSET) where rest is
 * the remainder, a sale when (rest & 1) === 1, with net satang net[i]. `each` unpacks them in order.
 */
export interface Activity {
  packed: number[]
  net: number[]
}

/** Calls `each` for every receipt of an Activity, in order (the unpacking described above). */
export function unpackActivity(
  { packed, net }: Activity,
  each: (customer: number, day: number, sale: boolean, net: number) => void,
): void {
  for (let i = 0; i < packed.length; i++) {
    const p = packed[i] as number
    const customer = Math.floor(p / PACK_SPAN)
    const rest = p - customer * PACK_SPAN
    each(customer, (rest >> 1) - DAY_OFFSET, (rest & 1) === 1, net[i] as number)
  }
}

/**
 * Every known customer's receipts before `end` (exclusive) in customer and time order, from the covering index
 * receipts_customer_activity (the unary + keeps SQLite off the time index; no table reads, no sort). SQLite
 * reads each receipt's day number from that index and works out its kind, so no text crosses into JavaScript
 * for 450,000 receipts, and hands them over as two plucked number columns from two statements over the same
 * rows in the same index order, in one read transaction: customer, day and sale flag packed into one exact integer, and the net.
 * Single numbers instead of one [customer, day, sale, net] array per receipt: 0.33-0.44 s instead of 0.59 s
 * CPU at 100k customers / 457k receipts (measured: src/main/analysis/README.md). Raw prepared statements: a
 * measured hot path.
 */
export function readActivity(sqlite: Sqlite, end: string): Activity {
  // both statements in one read transaction (a savepoint inside the caller's): they see the same receipts
  return sqlite.transaction((): Activity => readColumns(sqlite, end))()
}

const ACTIVITY_FROM = `from receipts where customer_id is not null and +occurred_at < ? order by customer_id, occurred_at`

/**
 * The packed column of readActivity. The receipt's day number (receiptDay, db/receipt-day.ts) is the last
 * column of receipts_customer_activity (migration 2026_12_01_300000): SQLite reads it from the index instead
 * of working it out per receipt (0.46 -> 0.32 s CPU for the two statements at 100k customers). The & keeps a
 * (nonsensical) day beyond the 4-digit years inside its own bits.
 */
export const ACTIVITY_PACKED_SQL = `select customer_id * ${PACK_SPAN}
    + ((${receiptDay('occurred_at')} + ${DAY_OFFSET}) & ${2 ** 24 - 1}) * 2
    + (kind = 'sale') ${ACTIVITY_FROM}`

/** (the condition lets SQLite read the last entry of receipts_customer_activity, which holds only these) */
export const LAST_CUSTOMER_SQL = 'select max(customer_id) from receipts where customer_id is not null'

function readColumns(sqlite: Sqlite, end: string): Activity {
  const lastCustomer = sqlite.prepare(LAST_CUSTOMER_SQL).pluck().get() as number | null
  if (lastCustomer === null) return { packed: [], net: [] }
  if (lastCustomer >= MAX_PACKED_CUSTOMER) throw new RangeError(`Customer id ${lastCustomer} is too large`)
  const packed = sqlite.prepare(ACTIVITY_PACKED_SQL).pluck().all(end) as (number | null)[]
  const net = sqlite.prepare(`select net_satang ${ACTIVITY_FROM}`).pluck().all(end) as number[]
  if (packed.length !== net.length) throw new Error('The receipts changed while they were read')
  for (const p of packed) {
    if (p === null) throw new RangeError('A receipt of a customer has no readable date')
  }
  return { packed: packed as number[], net }
}

/** Net revenue of receipts without a customer up to `end` (exclusive), by month and kind. */
export function readWalkIns(sqlite: Sqlite, end: string): [string, string, number][] {
  return sqlite
    .prepare(
      `select substr(occurred_at, 1, 7) as month, kind, sum(net_satang) as net
         from receipts
        where customer_id is null and occurred_at < ?
        group by month, kind`,
    )
    .raw()
    .all(end) as [string, string, number][]
}

/** A builder for the cohorts as of `asOf` (all months from the first purchase, or the last `months`). */
export function cohortBuilder(sqlite: Sqlite, asOf: string, months?: number): CohortBuilder {
  const lastKey = monthKey(asOf)
  let startKey = firstPurchaseKey(sqlite, addDays(asOf, 1)) ?? lastKey
  if (months !== undefined) startKey = Math.max(startKey, lastKey - months + 1)
  return new CohortBuilder(asOf, startKey)
}

/** The cohorts computed live from the receipts (the analysis run stores the same with its snapshot). */
export function computeCohorts(sqlite: Sqlite, options: CohortOptions = {}): Cohorts {
  // one read transaction: readActivity's two statements and the walk-ins see the same receipts
  return sqlite.transaction(() => {
    const asOf = options.asOf ?? latestSaleDate(sqlite)
    if (asOf === null) return { asOf: null, cohorts: [], newVsReturning: [], secondPurchase: [] }
    const end = addDays(asOf, 1)
    const builder = cohortBuilder(sqlite, asOf, options.months)
    unpackActivity(readActivity(sqlite, end), (id, day, sale, net) => builder.add(id, day, sale, net))
    return builder.finish(readWalkIns(sqlite, end))
  })()
}

/**
 * Cohorts for the last `months` of stored all-history cohorts: the same figures computeCohorts gives with
 * `months` (a cohort's or a month's figures do not depend on where the view starts).
 */
export function lastMonths(all: Cohorts, months?: number): Cohorts {
  if (months === undefined || all.asOf === null) return all
  const from = monthText(monthKey(all.asOf) - months + 1)
  return {
    ...all,
    cohorts: all.cohorts.filter((c) => c.month >= from),
    newVsReturning: all.newVsReturning.filter((m) => m.month >= from),
    secondPurchase: all.secondPurchase.filter((m) => m.month >= from),
  }
}
