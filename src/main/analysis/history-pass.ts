import type { Sqlite } from '../db'
import type { Cohorts } from '../../shared/api/analysis'
import { cohortBuilder, DAY_OFFSET, PACK_SPAN, readActivity, readWalkIns } from './cohorts'
import { addDays, dateOfDay, dayNumber } from './dates'
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
  const start = windowStart(window)
  const startDay = start === null ? -Infinity : dayNumber(start)
  const cohorts = cohortBuilder(sqlite, asOf)
  const days = new CustomerDaysBuilder<number>(asOfDay)
  const rfmRows: RfmRow[] = []
  const dates = new Map<number, string>()

  let customer = -1
  let frequency = 0
  let monetary = 0
  let lastSale = 0
  const flush = (): void => {
    if (frequency > 0) {
      let date = dates.get(lastSale)
      if (date === undefined) {
        date = dateOfDay(lastSale)
        dates.set(lastSale, date)
      }
      rfmRows.push({
        customerId: customer,
        recencyDays: asOfDay - lastSale,
        frequency,
        monetarySatang: monetary,
        lastSale: date,
      })
    }
  }
  // readActivity's two columns, unpacked inline (unpackActivity's loop: this is the run's hottest loop)
  const { packed, net: nets } = readActivity(sqlite, end)
  for (let i = 0; i < packed.length; i++) {
    const p = packed[i] as number
    const id = Math.floor(p / PACK_SPAN)
    const rest = p - id * PACK_SPAN
    const day = (rest >> 1) - DAY_OFFSET
    const sale = (rest & 1) === 1
    const net = nets[i] as number
    if (id !== customer) {
      flush()
      customer = id
      frequency = 0
      monetary = 0
    }
    cohorts.add(id, day, sale, net)
    const purchase = sale && net !== 0
    if (purchase) days.add(id, day, net / 100) // baht
    if (day >= startDay) {
      monetary += sale ? net : -Math.abs(net)
      if (purchase) {
        frequency++
        lastSale = day
      }
    }
  }
  flush()
  return { rfmRows, days: days.finish(), cohorts: cohorts.finish(readWalkIns(sqlite, end)) }
}
