import { describe, expect, it } from 'vitest'
import {
  computeAnalysis,
  resolveParameters,
  saveAnalysis,
  type ScoredCustomer,
} from '../../src/main/analysis/run'
import { insertPlain, insertScores, packScores } from '../../src/main/analysis/score-rows'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import type { Sqlite } from '../../src/main/db'
import { testContext } from '../helpers/db'
import { insertSales, type TestSale } from '../helpers/sales'

// Issue 17: the save binds fewer values per score row (score-rows.ts packs r, f, m, tier, churn level and
// segment into one whole number, the counts into another and the purchase days into a third; SQL takes them
// apart). What it stores must be exactly what binding all 22 columns stores: the same values, the same SQLite
// types, the same rowid order. Rows the packing cannot carry fall back to binding every column.

const newRun = (sqlite: Sqlite): number =>
  Number(
    sqlite
      .prepare(
        `insert into analysis_runs (as_of, horizon_days, annual_discount_rate, customers, revenue_satang,
           segment_rules, duration_ms) values ('2026-01-05', 365, 0.1, 0, 0, '{}', 0)`,
      )
      .run().lastInsertRowid,
  )

/** Every column of a run's rows with its SQLite type and its rowid's place, in rowid order. */
function storedRows(sqlite: Sqlite, runId: number): unknown[][] {
  const columns = sqlite
    .prepare(`select name from pragma_table_info('analysis_scores') where name <> 'run_id'`)
    .pluck()
    .all() as string[]
  expect(columns).toHaveLength(21)
  return sqlite
    .prepare(
      `select rowid - (select min(rowid) from analysis_scores where run_id = ?) as place,
              ${columns.map((c) => `${c}, typeof(${c})`).join(', ')}
         from analysis_scores where run_id = ? order by rowid`,
    )
    .raw()
    .all(runId, runId) as unknown[][]
}

/** The packed path's rows against the plain path's, for the same customers. */
function expectSameRows(sqlite: Sqlite, customers: ScoredCustomer[]): unknown[][] {
  const plain = newRun(sqlite)
  const packed = newRun(sqlite)
  sqlite.transaction(() => {
    insertPlain(sqlite, plain, customers)
    insertScores(sqlite, packed, customers)
  })()
  const rows = storedRows(sqlite, packed)
  expect(rows).toHaveLength(customers.length)
  expect(rows).toEqual(storedRows(sqlite, plain))
  return rows
}

async function shop(customers: number): Promise<{ sqlite: Sqlite; ids: number[] }> {
  const ctx = await testContext()
  const sales: TestSale[] = Array.from({ length: customers }, (_, i) => ({
    customer: `C${i}`,
    at: '2025-06-01',
    baht: 10,
  }))
  const ids = insertSales(ctx.connection.sqlite, sales)
  return { sqlite: ctx.connection.sqlite, ids: [...ids.values()] }
}

function customer(customerId: number, i: number): ScoredCustomer {
  const levels = ['low', 'medium', 'high'] as const
  const tiers = ['top_1', 'top_5', 'top_20', 'top_50', 'rest'] as const
  return {
    customerId,
    recencyDays: (i * 37) % 900,
    frequency: 1 + ((i * 13) % 300),
    monetarySatang: i % 7 === 0 ? -1250 : 123_456_789 * (i + 1),
    lastSale: '2025-06-01T12:00:00',
    r: 1 + (i % 5),
    f: 1 + ((i >> 1) % 5),
    m: 1 + ((i >> 2) % 5),
    fm: 1,
    segmentIndex: i % 4,
    valueTier: tiers[i % 5] as ScoredCustomer['valueTier'],
    segment: ['champions', 'loyal', 'at_risk', "o'brien"][i % 4] as string,
    purchaseDays: 1 + ((i * 11) % 200),
    // before 1970 (negative day numbers), a leap day, the far past and future SQLite's date() still prints
    firstPurchase: ['1969-12-31', '2024-02-29', '1000-01-01', '2025-01-01'][i % 4] as string,
    lastPurchase: ['2025-06-01', '9999-12-31', '1970-01-01', '2025-12-31'][i % 4] as string,
    usualIntervalDays: i % 3 === 0 ? null : 10 / 3 + i,
    pAlive: i % 5 === 0 ? null : 1 / (i + 3),
    expected30: i % 5 === 0 ? null : Math.PI * i,
    expected90: i % 5 === 0 ? null : 0.1 + 0.2,
    expected365: i % 5 === 0 ? null : i === 1 ? 1 : 1e-300 * i,
    expectedSpendSatang: i % 6 === 0 ? null : 9_007_199_254_740_991 - i,
    clvSatang: i % 6 === 0 ? null : -i,
    churnRisk: i % 4 === 0 ? null : i / 1e3,
    churnLevel: levels[i % 3] as ScoredCustomer['churnLevel'],
  }
}

describe('score rows (packed save)', () => {
  it('stores the same values, types and order as binding every column, across batches and edge values', async () => {
    const { sqlite, ids } = await shop(901) // two full batches of 400 and a rest
    const customers = ids.map((id, i) => customer(id, i))
    expect(packScores(customers)).not.toBeNull()
    const rows = expectSameRows(sqlite, customers)
    // spot checks that the unpacking is right, not only equal to itself
    const [place, id, , recency, , frequency, , monetary, , r, , f, , m, , segment, , tier, , days, , first] =
      rows[3] as unknown[]
    expect([place, id, recency, frequency, monetary, r, f, m]).toEqual([
      3,
      ids[3],
      111,
      40,
      493827156,
      4,
      2,
      1,
    ])
    expect([segment, tier, days, first]).toEqual(["o'brien", 'top_50', 34, '2025-01-01'])
  })

  it('falls back to binding every column for rows the packing cannot carry', async () => {
    const { sqlite, ids } = await shop(12)
    const odd: Partial<ScoredCustomer>[] = [
      { r: 9 }, // more than 3 bits
      { recencyDays: 2 ** 17 },
      { frequency: 2 ** 19 },
      { purchaseDays: 1.5 },
      { firstPurchase: '0999-12-31' }, // SQLite's date() cannot give this text back
      { lastPurchase: '2025-6-1' },
    ]
    for (const change of odd) {
      const customers = ids.map((id, i) => ({ ...customer(id, i), ...(i === 5 ? change : {}) }))
      expect(packScores(customers), JSON.stringify(change)).toBeNull()
      expectSameRows(sqlite, customers)
    }
  })

  it('saves a computed run exactly as binding every column would', async () => {
    const ctx = await testContext()
    const sales: TestSale[] = []
    for (let c = 0; c < 60; c++)
      for (let k = 0; k <= c % 7; k++)
        sales.push({
          customer: `K${c}`,
          at: `2025-${String(1 + ((c + k * 3) % 12)).padStart(2, '0')}-1${k}`,
          baht: 50 + c * k,
        })
    sales.push({ customer: 'K1', at: '2025-03-02', baht: -20, kind: 'refund' })
    insertSales(ctx.connection.sqlite, sales)
    const { sqlite } = ctx.connection
    const result = computeAnalysis(sqlite, resolveParameters(sqlite, {}), DEFAULT_SEGMENT_RULES)
    expect(result.customers.length).toBe(60)
    expect(packScores(result.customers)).not.toBeNull()
    const saved = saveAnalysis(sqlite, result)
    const plain = newRun(sqlite)
    sqlite.transaction(() => insertPlain(sqlite, plain, result.customers))()
    expect(storedRows(sqlite, saved)).toEqual(storedRows(sqlite, plain))
  })
})
