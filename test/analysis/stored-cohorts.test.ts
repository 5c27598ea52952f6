import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCdnow } from '../../src/main/analysis/cdnow'
import { computeCohorts } from '../../src/main/analysis/cohorts'
import { readCustomerDays } from '../../src/main/analysis/customer-value'
import { dateOfDay } from '../../src/main/analysis/dates'
import { readHistory } from '../../src/main/analysis/history-pass'
import { readRfmRows } from '../../src/main/analysis/rfm'
import { computeAnalysis, resolveParameters, saveAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { snapshotCohorts } from '../../src/main/analysis/stored-cohorts'
import { datasetsDir, haveDatasets, missingDatasetsMessage } from '../helpers/datasets'
import { testContext } from '../helpers/db'
import { insertSales, type TestSale } from '../helpers/sales'

// Issue 17: an analysis run reads RFM, the model inputs and the cohorts in one pass over the receipts and
// stores the cohorts with its snapshot; the cohorts page reads those. On CDNOW_master (23,570 customers, with
// a refund after every 50th transaction and walk-in sales added so every branch of the cohorts is exercised)
// the one pass must give exactly what the separate queries give, and the stored cohorts exactly what the live
// computation gives for the snapshot's date, for all months and for the last N.

if (!haveDatasets) console.warn(missingDatasetsMessage)

async function cdnowShop() {
  const transactions = readCdnow(resolve(datasetsDir, 'CDNOW_master.txt'))
  const sales: TestSale[] = transactions.map((t) => ({
    customer: t.customer,
    at: dateOfDay(t.day),
    baht: t.value,
  }))
  transactions.forEach((t, i) => {
    if (i % 50 === 0) sales.push({ customer: t.customer, at: dateOfDay(t.day + 3), baht: -5, kind: 'refund' })
    if (i % 97 === 0) sales.push({ customer: null, at: dateOfDay(t.day), baht: 12 })
  })
  const ctx = await testContext()
  insertSales(ctx.connection.sqlite, sales)
  return ctx
}

describe.skipIf(!haveDatasets)('cohorts stored with the analysis snapshot (CDNOW_master)', () => {
  it('one pass reads what the three separate reads give', async () => {
    const ctx = await cdnowShop()
    const sqlite = ctx.connection.sqlite
    for (const window of [
      { asOf: '1997-09-30', windowDays: null },
      { asOf: '1998-03-31', windowDays: 120 },
    ]) {
      const history = readHistory(sqlite, window)
      expect(history.rfmRows).toEqual(readRfmRows(sqlite, window))
      expect(history.days).toEqual(readCustomerDays(sqlite, window.asOf))
      expect(history.cohorts).toEqual(computeCohorts(sqlite, { asOf: window.asOf }))
      expect(history.rfmRows.length).toBeGreaterThan(1000)
    }
    await ctx.close()
  })

  it('the cohorts page reads the snapshot: equal to the live cohorts of its date', async () => {
    const ctx = await cdnowShop()
    const sqlite = ctx.connection.sqlite
    // before any run: computed live, as of the last sale
    expect(snapshotCohorts(sqlite)).toEqual({ ...computeCohorts(sqlite), runId: null })

    const result = computeAnalysis(
      sqlite,
      resolveParameters(sqlite, { asOf: '1997-09-30' }),
      DEFAULT_SEGMENT_RULES,
    )
    const runId = saveAnalysis(sqlite, result)
    const live = computeCohorts(sqlite, { asOf: '1997-09-30' })
    expect(live.cohorts.length).toBe(3) // CDNOW's customers all made their first purchase in Q1 1997
    expect(live.newVsReturning.length).toBe(9)
    const stored = snapshotCohorts(sqlite)
    expect(stored).toEqual({ ...live, runId })
    for (const months of [1, 4, 8, 12]) {
      expect(snapshotCohorts(sqlite, { months })).toEqual({
        ...computeCohorts(sqlite, { asOf: '1997-09-30', months }),
        runId,
      })
    }
    // a chosen date is computed live, whatever the snapshot
    expect(snapshotCohorts(sqlite, { asOf: '1998-06-30' })).toEqual({
      ...computeCohorts(sqlite, { asOf: '1998-06-30' }),
      runId: null,
    })

    // every customer's scores were stored by the multi-row inserts, field for field
    const scores = sqlite
      .prepare('select customer_id, segment, clv_satang, churn_level from analysis_scores where run_id = ?')
      .all(runId) as { customer_id: number; segment: string; clv_satang: number; churn_level: string }[]
    expect(scores).toHaveLength(result.customers.length)
    const byId = new Map(scores.map((s) => [s.customer_id, s]))
    for (const c of result.customers) {
      expect(byId.get(c.customerId)).toEqual({
        customer_id: c.customerId,
        segment: c.segment,
        clv_satang: c.clvSatang,
        churn_level: c.churnLevel,
      })
    }

    // deleting the run (pruning) deletes its cohorts; the page then computes them live again
    sqlite.prepare('delete from analysis_runs where id = ?').run(runId)
    expect(sqlite.prepare('select count(*) from analysis_cohorts').pluck().get()).toBe(0)
    expect(snapshotCohorts(sqlite).runId).toBeNull()
    await ctx.close()
  })
})
