import type { Sqlite } from '../db'
import { CohortBuilder, type CohortPart, type CustomerRange } from './cohorts'
import { dateOfDay, dayNumber } from './dates'
import { foldHistory, type History } from './history-pass'
import type { RfmWindow } from './rfm'

// A part of the analysis run's read (history-pass.ts) for the customers of one id range, folded in another
// thread (read-worker.ts, started by parallel-read.ts) and handed back as columns: two Float64Arrays that are
// transferred, not copied, and the cohort sums (a few hundred numbers), so the thread that absorbs the part
// only turns columns back into the run's rows. Both halves run the same fold: the results are identical.

/** What the history-read worker is given (structured-cloneable). */
export interface HistoryPartInput {
  file: string
  window: RfmWindow
  /** The cohorts' first month (cohorts.ts cohortStartKey), as the reading thread's builder has it. */
  startKey: number
  customers: CustomerRange
}

/** A part of the read for some customers, in customer order. */
export interface HistoryPart {
  /** RFM_FIELDS numbers per customer with an RFM row: id, recency days, frequency, monetary satang. */
  rfm: Float64Array<ArrayBuffer>
  /** DAYS_FIELDS numbers per customer with purchase days: id, purchase days, first day, last day, repeat spend. */
  days: Float64Array<ArrayBuffer>
  cohorts: CohortPart
}

const RFM_FIELDS = 4
const DAYS_FIELDS = 5

/**
 * The same number, as a small integer where it is one: a Float64Array hands out doubles, and rows whose whole
 * numbers are stored as doubles would differ in V8's object layout from this thread's own rows (which made
 * scoring 2-3x slower); the value is unchanged.
 */
const small = (n: number): number => ((n | 0) === n ? n | 0 : n)

/** Folds the customers of `input.customers` (in the caller's read transaction) into a part. */
export function readPart(sqlite: Sqlite, input: Omit<HistoryPartInput, 'file'>): HistoryPart {
  const cohorts = new CohortBuilder(input.window.asOf, input.startKey)
  const { rfmRows, days } = foldHistory(sqlite, input.window, cohorts, input.customers)
  const rfm = new Float64Array(rfmRows.length * RFM_FIELDS)
  rfmRows.forEach((row, i) => {
    const at = i * RFM_FIELDS
    rfm[at] = row.customerId
    rfm[at + 1] = row.recencyDays
    rfm[at + 2] = row.frequency
    rfm[at + 3] = row.monetarySatang
  })
  const dayColumns = new Float64Array(days.size * DAYS_FIELDS)
  let at = 0
  for (const [id, d] of days) {
    dayColumns[at] = id
    dayColumns[at + 1] = d.purchaseDays
    dayColumns[at + 2] = d.firstDay
    dayColumns[at + 3] = d.lastDay
    dayColumns[at + 4] = d.repeatSpend
    at += DAYS_FIELDS
  }
  return { rfm, days: dayColumns, cohorts: cohorts.takePart() }
}

/**
 * Appends a part to the rows and purchase days read by this thread (for the customers before the part's, so
 * customer order is kept) and adds its cohort sums to `cohorts`.
 */
export function absorbPart(
  into: Pick<History, 'rfmRows' | 'days'>,
  cohorts: CohortBuilder,
  part: HistoryPart,
  window: RfmWindow,
): void {
  const asOfDay = dayNumber(window.asOf)
  const dates = new Map<number, string>()
  const { rfm, days } = part
  for (let at = 0; at < rfm.length; at += RFM_FIELDS) {
    const recencyDays = rfm[at + 1] as number
    const lastSale = asOfDay - recencyDays
    let date = dates.get(lastSale)
    if (date === undefined) {
      date = dateOfDay(lastSale)
      dates.set(lastSale, date)
    }
    into.rfmRows.push({
      customerId: small(rfm[at] as number),
      recencyDays: small(recencyDays),
      frequency: small(rfm[at + 2] as number),
      monetarySatang: small(rfm[at + 3] as number),
      lastSale: date,
    })
  }
  for (let at = 0; at < days.length; at += DAYS_FIELDS) {
    into.days.set(small(days[at] as number), {
      purchaseDays: small(days[at + 1] as number),
      firstDay: small(days[at + 2] as number),
      lastDay: small(days[at + 3] as number),
      repeatSpend: days[at + 4] as number,
    })
  }
  cohorts.absorb(part.cohorts)
}
