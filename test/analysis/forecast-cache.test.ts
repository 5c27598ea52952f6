import { describe, expect, it } from 'vitest'
import { conditionalExpectedPurchases, pAlive } from '../../src/main/analysis/bgnbd'
import { customerLifetimeValue, DEFAULT_CLV_OPTIONS } from '../../src/main/analysis/clv'
import { fitModels, ForecastCache, predictCustomer } from '../../src/main/analysis/customer-value'
import { expectedSpend } from '../../src/main/analysis/gamma-gamma'
import { datasetsDir, haveDatasets, missingDatasetsMessage, readPublishedSummary } from '../helpers/datasets'

// Issue 17: a run computes the 2F1 of the expected purchases once per (x, T) and shares it among customers
// with any t_x (ForecastCache). On the published CDNOW calibration summary (2,357 customers, weeks) every
// customer's predictions through one shared cache must be exactly the formulas evaluated one by one.

if (!haveDatasets) console.warn(missingDatasetsMessage, datasetsDir)

describe.skipIf(!haveDatasets)('forecasts shared per (x, T)', () => {
  it('equal the direct formulas for every CDNOW customer', () => {
    const inputs = readPublishedSummary().map((c) => ({ x: c.x, tx: c.tx, T: c.T, repeatMean: c.zbar }))
    const models = fitModels(inputs)
    const bg = models.bgnbd?.params
    const gg = models.gammaGamma
    if (!bg || !gg) throw new Error('both models fit CDNOW')
    const clv = { ...DEFAULT_CLV_OPTIONS, unitDays: 7 }
    const cache = new ForecastCache()
    for (const input of inputs) {
      const { x, tx, T } = input
      const got = predictCustomer(models, input, clv, cache)
      expect(got.pAlive).toBe(pAlive(bg, x, tx, T))
      expect(got.expected30).toBe(conditionalExpectedPurchases(bg, 30 / 7, x, tx, T))
      expect(got.expected90).toBe(conditionalExpectedPurchases(bg, 90 / 7, x, tx, T))
      expect(got.expected365).toBe(conditionalExpectedPurchases(bg, 365 / 7, x, tx, T))
      const spend = expectedSpend(gg.params, x, Math.max(0, input.repeatMean))
      expect(got.clvSatang).toBe(Math.round(spend * customerLifetimeValue(bg, x, tx, T, 1, clv) * 100))
    }
    // fewer 2F1 evaluations than customers: shapes are shared
    expect(cache.ifAlive.size).toBeLessThan(inputs.length)
    expect(cache.shapes.size).toBeLessThanOrEqual(inputs.length)
  })
})
