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

/**
 * For every value, how many values are strictly below it and how many strictly above, from one sort. Whole
 * numbers in a range that fits (recency days, frequencies, satang: the RFM columns) are packed with their
 * index into one float, (value - min) * 2^k + i, and sorted natively (no comparator call per pair); other
 * values sort an index array by comparator. Equal values form one run and share their counts.
 */
export function rankCounts(values: ArrayLike<number>): { below: Int32Array; above: Int32Array } {
  const n = values.length
  const below = new Int32Array(n)
  const above = new Int32Array(n)
  if (n === 0) return { below, above }
  let min = Infinity
  let max = -Infinity
  let whole = true
  for (let i = 0; i < n; i++) {
    const v = values[i] as number
    if (v < min) min = v
    if (v > max) max = v
    if (whole && !Number.isInteger(v)) whole = false
  }
  let bits = 1
  while (2 ** bits < n) bits++
  const slot = 2 ** bits
  const order = new Int32Array(n)
  if (whole && (max - min + 1) * slot <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n)
    for (let i = 0; i < n; i++) keys[i] = ((values[i] as number) - min) * slot + i
    keys.sort()
    for (let j = 0; j < n; j++) order[j] = (keys[j] as number) % slot
  } else {
    for (let i = 0; i < n; i++) order[i] = i
    order.sort((a, b) => (values[a] as number) - (values[b] as number))
  }
  let start = 0
  while (start < n) {
    const v = values[order[start] as number] as number
    let end = start + 1
    while (end < n && values[order[end] as number] === v) end++
    for (let j = start; j < end; j++) {
      const i = order[j] as number
      below[i] = start
      above[i] = n - end
    }
    start = end
  }
  return { below, above }
}

/** 1 + floor(5 * worse / n): the quintile tie rule of quintileScores. */
function quintiles(worse: Int32Array): Uint8Array {
  const n = worse.length
  const scores = new Uint8Array(n)
  for (let i = 0; i < n; i++) scores[i] = 1 + Math.floor((5 * (worse[i] as number)) / n)
  return scores
}

/**
 * Quintile scores 1-5. Tie rule: a customer's score is 1 + floor(5 * worse / n), where `worse` is the number
 * of customers with a strictly worse value (lower when higher is better, higher otherwise). So equal values
 * always share a score, the score never depends on row order, and when a value is shared by many customers
 * (say 60 % bought once) they all get the score of the lowest position of their group, and the next value
 * up starts where its own rank puts it (some scores may then have no customers).
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const { below, above } = rankCounts(values)
  return quintiles(higherIsBetter ? below : above)
}

/** The tier of a customer with `better` customers who spent strictly more, out of n. */
function tierOf(better: number, n: number): ValueTier {
  const share = better / n
  return share < 0.01
    ? 'top_1'
    : share < 0.05
      ? 'top_5'
      : share < 0.2
        ? 'top_20'
        : share < 0.5
          ? 'top_50'
          : 'rest'
}

/**
 * Value tiers by net spend, with the same tie rule: the share of customers who spent strictly more decides
 * (under 1 % top_1, under 5 % top_5, under 20 % top_20, under 50 % top_50, else rest).
 */
export function valueTiers(monetary: ArrayLike<number>): ValueTier[] {
  const { above } = rankCounts(monetary)
  return Array.from(above, (better) => tierOf(better, above.length))
}

/** Scores the rows and places each in its segment by the map: one sort per column, no per-row copies. */
export function scoreRfm(rows: RfmRow[], lookup: CellLookup): RfmScore[] {
  const n = rows.length
  const recency = new Float64Array(n)
  const frequency = new Float64Array(n)
  const monetary = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const row = rows[i] as RfmRow
    recency[i] = row.recencyDays
    frequency[i] = row.frequency
    monetary[i] = row.monetarySatang
  }
  const r = quintiles(rankCounts(recency).above)
  const f = quintiles(rankCounts(frequency).below)
  const spend = rankCounts(monetary)
  const m = quintiles(spend.below)
  const scores = new Array<RfmScore>(n)
  for (let i = 0; i < n; i++) {
    const row = rows[i] as RfmRow
    const ri = r[i] as number
    const fi = f[i] as number
    const mi = m[i] as number
    const fm = combinedFm(fi, mi)
    scores[i] = {
      customerId: row.customerId,
      recencyDays: row.recencyDays,
      frequency: row.frequency,
      monetarySatang: row.monetarySatang,
      lastSale: row.lastSale,
      r: ri,
      f: fi,
      m: mi,
      fm,
      segmentIndex: segmentOf(lookup, ri, fi, fm),
      valueTier: tierOf(spend.above[i] as number, n),
    }
  }
  return scores
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
