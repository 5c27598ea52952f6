import type { Sqlite } from '../db'
import type { Cohorts } from '../../shared/api/analysis'
import { cohortBuilder, readWalkIns } from './cohorts'
import { addDays, dayNumber } from './dates'
import { CustomerDaysBuilder, type CustomerDays } from './model-input'
import { windowStart, type RfmRow, type RfmWindow } from './rfm'

// The read half of an analysis run: ONE pass over every known customer's receipts, in customer and time order
// from the covering index receipts_customer_activity (no table reads, no sort), feeds the three folds a run
// needs: RFM (rfm.ts's definitions, over the window), the purchase days of the models (model-input.ts) and
// the acquisition cohorts stored with the snapshot (cohorts.ts). Before, three queries walked the same rows
// (measured on the 100k-customer bench: see bench/README.md). A raw prepared statement: a measured hot path.

export interface History {
  rfmRows: RfmRow[]
  days: Map<number, CustomerDays>
  cohorts: Cohorts
}

export function readHistory(sqlite: Sqlite, window: RfmWindow): History {
  const { asOf } = window
  const asOfDay = dayNumber(asOf)
  const end = addDays(asOf, 1)
  const start = windowStart(window) ?? ''
  const cohorts = cohortBuilder(sqlite, asOf)
  const days = new CustomerDaysBuilder<number>(asOfDay)
  const rfmRows: RfmRow[] = []
  const dayCache = new Map<string, number>()
  const toDay = (date: string): number => {
    let day = dayCache.get(date)
    if (day === undefined) {
      day = dayNumber(date)
      dayCache.set(date, day)
    }
    return day
  }

  let customer = -1
  let frequency = 0
  let monetary = 0
  let lastSale = ''
  const flush = (): void => {
    if (frequency > 0) {
      const date = lastSale.slice(0, 10)
      rfmRows.push({
        customerId: customer,
        recencyDays: asOfDay - toDay(date),
        frequency,
        monetarySatang: monetary,
        lastSale: date,
      })
    }
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
      flush()
      customer = id
      frequency = 0
      monetary = 0
    }
    cohorts.add(id, at, kind, net)
    const purchase = kind === 'sale' && net !== 0
    if (purchase) days.add(id, toDay(at.slice(0, 10)), net / 100) // baht
    if (at >= start) {
      monetary += kind === 'refund' ? -Math.abs(net) : net
      if (purchase) {
        frequency++
        lastSale = at
      }
    }
  }
  flush()
  return { rfmRows, days: days.finish(), cohorts: cohorts.finish(readWalkIns(sqlite, end)) }
}
