import type { Sqlite } from '../db'
import type { SegmentRules, ValueTier } from '../../shared/api/analysis'
import { addDays, dayNumber } from './dates'
import { combinedFm, segmentOf, validateSegmentRules, type CellLookup } from './segment-rules'

// RFM as of a date over a window, from one aggregate pass over the receipts:
// - recency: whole calendar days from the date of the customer's last sale receipt to the as-of date;
// - frequency: distinct sale receipts (each receipts row is one receipt, unique on source + number) whose net
//   total is not 0: a free sample or a fully discounted voucher is not a purchase (the analysts' convention),
//   for frequency, recency and the models alike, and a customer with only such receipts is not scored;
// - monetary: net spend in satang, sales minus refunds. A refund lowers monetary whether the importer stored
//   its amount as negative or positive (-abs), and never counts as a visit.
// Only receipts with a customer, dated on or before the as-of date and inside the window, count; a customer
// needs at least one sale there to be scored. Totals come from receipts.net_satang (the receipt's net total),
// so the pass reads receipts, not their lines. The unary + keeps SQLite off the time index: walking the
// covering index receipts_customer_activity in customer order needs no table reads and no sort.

export interface RfmWindow {
  /** Inclusive 'YYYY-MM-DD'. */
  asOf: string
  /** Days ending on asOf (asOf counts as one); null = all history up to asOf. */
  windowDays: number | null
}

export interface RfmRow {
  customerId: number
  recencyDays: number
  frequency: number
  monetarySatang: number
  lastSale: string
}

export interface RfmScore extends RfmRow {
  r: number
  f: number
  m: number
  fm: number
  /** Index into the rules' segments. */
  segmentIndex: number
  valueTier: ValueTier
}

/** The first day of the window, or null for all history. */
export function windowStart(window: RfmWindow): string | null {
  return window.windowDays === null ? null : addDays(window.asOf, -(window.windowDays - 1))
}

/** One GROUP BY pass over receipts: each customer's frequency, net spend and last sale in the window. */
export function readRfmRows(sqlite: Sqlite, window: RfmWindow): RfmRow[] {
  const asOfDay = dayNumber(window.asOf)
  const end = addDays(window.asOf, 1) // timestamps sort as text: everything before the next day's midnight
  const start = windowStart(window) ?? ''
  const rows = sqlite
    .prepare(
      `select customer_id,
              sum(kind = 'sale' and net_satang <> 0) as frequency,
              sum(case when kind = 'refund' then -abs(net_satang) else net_satang end) as monetary,
              max(case when kind = 'sale' and net_satang <> 0 then occurred_at end) as last_sale
         from receipts
        where customer_id is not null and +occurred_at >= ? and +occurred_at < ?
        group by customer_id
       having frequency > 0`,
    )
    .raw()
    .all(start, end) as [number, number, number, string][]
  const dayCache = new Map<string, number>()
  return rows.map(([customerId, frequency, monetary, lastSale]) => {
    const date = lastSale.slice(0, 10)
    let day = dayCache.get(date)
    if (day === undefined) {
      day = dayNumber(date)
      dayCache.set(date, day)
    }
    return { customerId, recencyDays: asOfDay - day, frequency, monetarySatang: monetary, lastSale: date }
  })
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] ?? 0) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] ?? 0) <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Quintile scores 1-5. Tie rule: a customer's score is 1 + floor(5 * worse / n), where `worse` is the number
 * of customers with a strictly worse value (lower when higher is better, higher otherwise). So equal values
 * always share a score, the score never depends on row order, and when a value is shared by many customers
 * (say 60 % bought once) they all get the score of the lowest position of their group, and the next value
 * up starts where its own rank puts it (some scores may then have no customers).
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length
  const sorted = Float64Array.from(values).sort()
  const scores = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0
    const worse = higherIsBetter ? lowerBound(sorted, v) : n - upperBound(sorted, v)
    scores[i] = 1 + Math.floor((5 * worse) / n)
  }
  return scores
}

/**
 * Value tiers by net spend, with the same tie rule: the share of customers who spent strictly more decides
 * (under 1 % top_1, under 5 % top_5, under 20 % top_20, under 50 % top_50, else rest).
 */
export function valueTiers(monetary: ArrayLike<number>): ValueTier[] {
  const n = monetary.length
  const sorted = Float64Array.from(monetary).sort()
  const out: ValueTier[] = []
  for (let i = 0; i < n; i++) {
    const better = (n - upperBound(sorted, monetary[i] ?? 0)) / n
    out.push(
      better < 0.01
        ? 'top_1'
        : better < 0.05
          ? 'top_5'
          : better < 0.2
            ? 'top_20'
            : better < 0.5
              ? 'top_50'
              : 'rest',
    )
  }
  return out
}

/** Scores the rows and places each in its segment by the map. */
export function scoreRfm(rows: RfmRow[], lookup: CellLookup): RfmScore[] {
  const r = quintileScores(
    rows.map((x) => x.recencyDays),
    false,
  )
  const f = quintileScores(
    rows.map((x) => x.frequency),
    true,
  )
  const m = quintileScores(
    rows.map((x) => x.monetarySatang),
    true,
  )
  const tiers = valueTiers(rows.map((x) => x.monetarySatang))
  return rows.map((row, i) => {
    const ri = r[i] ?? 1
    const fi = f[i] ?? 1
    const fm = combinedFm(fi, m[i] ?? 1)
    return {
      ...row,
      r: ri,
      f: fi,
      m: m[i] ?? 1,
      fm,
      segmentIndex: segmentOf(lookup, ri, fi, fm),
      valueTier: tiers[i] ?? 'rest',
    }
  })
}

/** RFM scores and segments of every customer with a sale in the window. */
export function computeRfm(sqlite: Sqlite, window: RfmWindow, rules: SegmentRules): RfmScore[] {
  return scoreRfm(readRfmRows(sqlite, window), validateSegmentRules(rules))
}

/** The date of the latest sale receipt, the natural default as-of date; null when there are no sales. */
export function latestSaleDate(sqlite: Sqlite): string | null {
  const row = sqlite.prepare(`select max(occurred_at) as last from receipts where kind = 'sale'`).get() as {
    last: string | null
  }
  return row.last === null ? null : row.last.slice(0, 10)
}
