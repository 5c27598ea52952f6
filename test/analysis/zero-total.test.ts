import { describe, expect, it } from 'vitest'
import { computeCohorts } from '../../src/main/analysis/cohorts'
import { readCustomerDays } from '../../src/main/analysis/customer-value'
import { dayNumber } from '../../src/main/analysis/dates'
import { readRfmRows } from '../../src/main/analysis/rfm'
import { computeAnalysis, resolveParameters } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { testContext } from '../helpers/db'
import { insertSales, type TestSale } from '../helpers/sales'

// A sale receipt whose net total is 0 (a free sample, a fully discounted voucher) is not a purchase: it counts
// for neither frequency nor recency nor the models, and a customer with only such receipts is not scored.
// Refunds are unaffected (they never were purchases, and lower the net spend).

const SALES: TestSale[] = [
  { customer: 'A', at: '2026-01-05', baht: 300 },
  { customer: 'A', at: '2026-02-10', baht: 0 }, // free sample: not a visit
  { customer: 'A', at: '2026-03-20', baht: 0 }, // a later voucher would otherwise make A "recent"
  { customer: 'B', at: '2026-02-01', baht: 0 }, // only zero receipts: not a customer of the analysis
  { customer: 'B', at: '2026-03-01', baht: 0 },
  { customer: 'C', at: '2026-01-10', baht: 100 },
  { customer: 'C', at: '2026-02-10', baht: 150 },
  { customer: 'C', at: '2026-03-10', baht: 0 },
  { customer: 'C', at: '2026-03-12', baht: 50, kind: 'refund' },
]

describe('zero-total receipts', () => {
  it('do not make a purchase for frequency, recency, the models or the cohorts', async () => {
    const ctx = await testContext()
    const sqlite = ctx.connection.sqlite
    const ids = insertSales(sqlite, SALES)
    const id = (code: string): number => ids.get(code) ?? -1

    const rfm = new Map(
      readRfmRows(sqlite, { asOf: '2026-03-31', windowDays: null }).map((r) => [r.customerId, r]),
    )
    expect([...rfm.keys()].sort()).toEqual([id('A'), id('C')].sort())
    expect(rfm.get(id('A'))).toMatchObject({ frequency: 1, recencyDays: 85, lastSale: '2026-01-05' })
    expect(rfm.get(id('C'))).toMatchObject({ frequency: 2, monetarySatang: 20000, lastSale: '2026-02-10' })

    const days = readCustomerDays(sqlite, '2026-03-31')
    expect(days.has(id('B'))).toBe(false)
    expect(days.get(id('A'))).toMatchObject({ purchaseDays: 1, lastDay: dayNumber('2026-01-05') })
    expect(days.get(id('C'))).toMatchObject({ purchaseDays: 2, lastDay: dayNumber('2026-02-10') })

    const cohorts = computeCohorts(sqlite, { asOf: '2026-03-31' })
    expect(cohorts.cohorts.map((c) => [c.month, c.customers])).toEqual([['2026-01', 2]])
    expect(cohorts.cohorts[0]?.active).toEqual([2, 1, 0]) // March: only zero receipts and a refund

    const run = computeAnalysis(
      sqlite,
      resolveParameters(sqlite, { asOf: '2026-03-31' }),
      DEFAULT_SEGMENT_RULES,
    )
    expect(run.customers.map((c) => c.customerId).sort()).toEqual([id('A'), id('C')].sort())
    expect(run.customers.find((c) => c.customerId === id('A'))).toMatchObject({
      frequency: 1,
      purchaseDays: 1,
      lastPurchase: '2026-01-05',
    })
  })
})
