import type { Sqlite } from '../db'
import { churnLevels, valueTiers } from '../../shared/api/analysis'
import { dateOfDay, dayNumber } from './dates'
import type { ScoredCustomer } from './run'

// Writing a run's scores (one row per customer, 22 columns) into analysis_scores, inside the run's save
// transaction. Measured on the 100k bench shop (bench/check-analysis.ts, README "raw SQL"): SQLite inserts the
// rows themselves in ~50 ms once the values are bound, while better-sqlite3's binding of 2.2M parameters (one
// V8 read and one sqlite3_bind per value, a UTF-8 copy for each text) took ~0.4-0.5 s. So the packed path
// binds fewer values per row: the run id is a literal of the statement, and r, f, m, the value tier, the churn
// level and the segment travel as one small integer that SQL takes apart, writing each text from a literal of
// the statement. The stored rows are the same values, types and rowids as binding all 22 columns (tested).

const SCORE_COLUMNS = `run_id, customer_id, recency_days, frequency, monetary_satang, r, f, m, segment,
  value_tier, purchase_days, first_purchase, last_purchase, usual_interval_days, p_alive, expected_purchases_30,
  expected_purchases_90, expected_purchases_365, expected_spend_satang, clv_satang, churn_risk, churn_level`
const PLAIN_WIDTH = 22
const PACKED_WIDTH = 13
/** Rows per INSERT: 400 x 22 = 8,800 parameters at most, well inside SQLite's 32,766. */
const BATCH = 400
/** Above this many distinct segments in one run (the rules allow a few), the plain path is used. */
const MAX_SEGMENTS = 1 << 16

const TIER_CODE = new Map<string, number>(valueTiers.map((tier, i) => [tier, i]))
const LEVEL_CODE = new Map<string, number>(churnLevels.map((level, i) => [level, i]))

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`
const caseOf = (expression: string, texts: readonly string[]): string =>
  `case ${expression} ${texts.map((text, i) => `when ${i} then ${literal(text)}`).join(' ')} end`
const rowsOf = (rows: number, width: number): string =>
  Array.from({ length: rows }, () => `(${new Array<string>(width).fill('?').join(', ')})`).join(', ')

/** A score 1-5 (or anything small and whole) fits in 3 bits. */
const small = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < 8
const fits = (n: number, bits: number): boolean => Number.isInteger(n) && n >= 0 && n < 2 ** bits
/** Day numbers travel offset by DAY_OFFSET (dates before 1970 are negative), 24 bits each. */
const DAY_OFFSET = 2 ** 23
const DATE_TEXT = /^[1-9]\d{3}-\d{2}-\d{2}$/

interface Packed {
  /** r | f << 3 | m << 6 | tier << 9 | level << 12 | segment << 14 */
  codes: Float64Array
  /** recency_days | purchase_days << 17 | frequency << 34 */
  counts: Float64Array
  /** first purchase day | last purchase day << 24 (offset) */
  days: Float64Array
  segments: string[]
}

/**
 * Each customer's small integers packed into three exact whole numbers (< 2^53), and the segments in code
 * order; null when a row does not fit (then every row is bound in full, as before). A purchase date packs
 * only when SQLite's date() of its day gives back the very same text.
 */
export function packScores(customers: ScoredCustomer[]): Packed | null {
  const n = customers.length
  const codes = new Float64Array(n)
  const counts = new Float64Array(n)
  const days = new Float64Array(n)
  const segments: string[] = []
  const segmentCode = new Map<string, number>()
  const dayOf = new Map<string, number | null>()
  const day = (date: string): number | null => {
    let d = dayOf.get(date)
    if (d === undefined) {
      d = null
      if (typeof date === 'string' && DATE_TEXT.test(date)) {
        const number = dayNumber(date)
        if (dateOfDay(number) === date && fits(number + DAY_OFFSET, 24)) d = number + DAY_OFFSET
      }
      dayOf.set(date, d)
    }
    return d
  }
  for (let i = 0; i < n; i++) {
    const c = customers[i] as ScoredCustomer
    const tier = TIER_CODE.get(c.valueTier)
    const level = LEVEL_CODE.get(c.churnLevel)
    if (tier === undefined || level === undefined || !small(c.r) || !small(c.f) || !small(c.m)) return null
    if (!fits(c.recencyDays, 17) || !fits(c.purchaseDays, 17) || !fits(c.frequency, 19)) return null
    let segment = segmentCode.get(c.segment)
    if (segment === undefined) {
      if (typeof c.segment !== 'string' || segments.length >= MAX_SEGMENTS) return null
      segment = segments.length
      segments.push(c.segment)
      segmentCode.set(c.segment, segment)
    }
    const first = day(c.firstPurchase)
    const last = day(c.lastPurchase)
    if (first === null || last === null) return null
    codes[i] = c.r + c.f * 8 + c.m * 64 + tier * 512 + level * 4096 + segment * 16384
    counts[i] = c.recencyDays + c.purchaseDays * 2 ** 17 + c.frequency * 2 ** 34
    days[i] = first + last * 2 ** 24
  }
  return { codes, counts, days, segments }
}

function insertPacked(sqlite: Sqlite, runId: number, customers: ScoredCustomer[], packed: Packed): void {
  if (!Number.isSafeInteger(runId)) throw new Error(`run id ${runId} is not a whole number`)
  const { codes, counts, days, segments } = packed
  // bound per row: customer_id, monetary, counts, codes, days, then the nine model columns in order
  const date = (day: string) => `date((${day} - ${DAY_OFFSET}) * 86400, 'unixepoch')`
  const select = `select ${runId}, column1, column3 & 131071, column3 >> 34, column2,
      column4 & 7, (column4 >> 3) & 7, (column4 >> 6) & 7, ${caseOf('column4 >> 14', segments)},
      ${caseOf('(column4 >> 9) & 7', valueTiers)}, (column3 >> 17) & 131071,
      ${date('(column5 & 16777215)')}, ${date('(column5 >> 24)')}, column6, column7, column8, column9, column10,
      column11, column12, column13, ${caseOf('(column4 >> 12) & 3', churnLevels)}`
  const sql = (rows: number) =>
    `insert into analysis_scores (${SCORE_COLUMNS}) ${select} from (values ${rowsOf(rows, PACKED_WIDTH)})`
  insertInBatches(sqlite, sql, PACKED_WIDTH, customers.length, (i, values) => {
    const c = customers[i] as ScoredCustomer
    values.push(
      c.customerId,
      c.monetarySatang,
      counts[i],
      codes[i],
      days[i],
      c.usualIntervalDays,
      c.pAlive,
      c.expected30,
      c.expected90,
      c.expected365,
      c.expectedSpendSatang,
      c.clvSatang,
      c.churnRisk,
    )
  })
}

/** Every column bound as it is: the path for rows the packed one cannot carry. */
export function insertPlain(sqlite: Sqlite, runId: number, customers: ScoredCustomer[]): void {
  const sql = (rows: number) =>
    `insert into analysis_scores (${SCORE_COLUMNS}) values ${rowsOf(rows, PLAIN_WIDTH)}`
  insertInBatches(sqlite, sql, PLAIN_WIDTH, customers.length, (i, values) => {
    const c = customers[i] as ScoredCustomer
    values.push(
      runId,
      c.customerId,
      c.recencyDays,
      c.frequency,
      c.monetarySatang,
      c.r,
      c.f,
      c.m,
      c.segment,
      c.valueTier,
      c.purchaseDays,
      c.firstPurchase,
      c.lastPurchase,
      c.usualIntervalDays,
      c.pAlive,
      c.expected30,
      c.expected90,
      c.expected365,
      c.expectedSpendSatang,
      c.clvSatang,
      c.churnRisk,
      c.churnLevel,
    )
  })
}

/**
 * Runs the INSERT `sql(rows)` once per BATCH rows (prepared once) and once for the rest, each row's `width`
 * values pushed by `row(i, values)`: one call into SQLite per 400 customers instead of one per customer.
 */
function insertInBatches(
  sqlite: Sqlite,
  sql: (rows: number) => string,
  width: number,
  count: number,
  row: (i: number, values: unknown[]) => void,
): void {
  const full = count >= BATCH ? sqlite.prepare(sql(BATCH)) : null
  const values: unknown[] = []
  const flush = (): void => {
    const rows = values.length / width
    if (rows === 0) return
    ;(rows === BATCH && full ? full : sqlite.prepare(sql(rows))).run(values)
    values.length = 0
  }
  for (let i = 0; i < count; i++) {
    row(i, values)
    if (values.length === BATCH * width) flush()
  }
  flush()
}

/** Writes a run's scores, in customer order; call inside the run's save transaction. */
export function insertScores(sqlite: Sqlite, runId: number, customers: ScoredCustomer[]): void {
  const packed = packScores(customers)
  if (packed) insertPacked(sqlite, runId, customers, packed)
  else insertPlain(sqlite, runId, customers)
}
