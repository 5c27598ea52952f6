import { describe, expect, it } from 'vitest'
import { DEFAULT_CLV_OPTIONS } from '../../src/main/analysis/clv'
import { CHURN_HORIZON_DAYS, probabilityNoPurchase } from '../../src/main/analysis/churn'
import {
  fitModelColumns,
  ForecastCache,
  predictCustomerSafely,
  type ModelColumns,
} from '../../src/main/analysis/customer-value'
import { forecastGroups } from '../../src/main/analysis/forecast-groups'
import { expectedSpend } from '../../src/main/analysis/gamma-gamma'
import { betaSample, exponentialSample, gammaSample, seededRandom } from '../helpers/random'
import { datasetsDir, haveDatasets, missingDatasetsMessage, readPublishedSummary } from '../helpers/datasets'

// Issue 17: a run forecasts once per (x, t_x, T) group into columns (forecast-groups.ts) instead of through
// ForecastCache per customer. Every customer's figures must be exactly what predictCustomerSafely gives, on
// whole-day data (groups by counting sort, ordered by x and T) and on CDNOW's weeks (groups by map).

if (!haveDatasets) console.warn(missingDatasetsMessage, datasetsDir)

function daysShop(seed: number, n: number): ModelColumns {
  const random = seededRandom(seed)
  const c: ModelColumns = {
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    repeatMean: new Float64Array(n),
  }
  for (let i = 0; i < n; i++) {
    const span = Math.floor(random() * 500)
    const rate = gammaSample(random, 0.7, 15)
    const drop = betaSample(random, 1.1, 5)
    let t = 0
    let k = 0
    let last = 0
    for (;;) {
      t += exponentialSample(random, rate)
      if (t > span) break
      if (Math.floor(t) === last) continue // one purchase per day
      k++
      last = Math.floor(t)
      if (random() < drop) break
    }
    c.x[i] = k
    c.tx[i] = k === 0 ? 0 : last
    c.T[i] = span
    c.repeatMean[i] = k === 0 ? 0 : 50 + gammaSample(random, 2, 0.02)
  }
  return c
}

function expectSameAsPerCustomer(columns: ModelColumns, unitDays: number): void {
  const { models, groups } = fitModelColumns(columns)
  const bg = models.bgnbd?.params
  const gg = models.gammaGamma?.params
  if (!bg || !groups || !gg) throw new Error('both models fit this data')
  const clv = { ...DEFAULT_CLV_OPTIONS, unitDays }
  const f = forecastGroups(bg, groups, clv, CHURN_HORIZON_DAYS / unitDays)
  const cache = new ForecastCache()
  for (let i = 0; i < columns.x.length; i++) {
    const input = {
      x: columns.x[i] ?? 0,
      tx: columns.tx[i] ?? 0,
      T: columns.T[i] ?? 0,
      repeatMean: columns.repeatMean[i] ?? 0,
    }
    const g = groups.groupOf[i] ?? -1
    const want = predictCustomerSafely(models, input, clv, cache)
    expect(f.pAlive[g], `customer ${i}`).toBe(want.pAlive)
    expect(f.failed[g] === 1).toBe(want.failed)
    expect(f.expected30[g]).toBe(want.expected30)
    expect(f.expected90[g]).toBe(want.expected90)
    expect(f.expected365[g]).toBe(want.expected365)
    // CLV = spend x discounted purchases, rounded to satang, exactly as the run computes it
    const spend = expectedSpend(gg, input.x, Math.max(0, input.repeatMean))
    expect(want.clvSatang).not.toBeNull()
    expect(Math.round(spend * (f.discounted[g] ?? 0) * 100)).toBe(want.clvSatang)
    expect(f.noPurchase[g]).toBe(
      probabilityNoPurchase(bg, CHURN_HORIZON_DAYS / unitDays, input.x, input.tx, input.T),
    )
  }
}

describe('forecasts per (x, t_x, T) group', () => {
  it('equal the per-customer forecasts on a whole-day shop', () => {
    expectSameAsPerCustomer(daysShop(7, 4000), 1)
  })

  it.skipIf(!haveDatasets)('equal the per-customer forecasts on CDNOW (weeks)', () => {
    const rows = readPublishedSummary()
    expectSameAsPerCustomer(
      {
        x: Float64Array.from(rows, (r) => r.x),
        tx: Float64Array.from(rows, (r) => r.tx),
        T: Float64Array.from(rows, (r) => r.T),
        repeatMean: Float64Array.from(rows, (r) => r.zbar),
      },
      7,
    )
  })
})
