import { describe, expect, it } from 'vitest'
import { conditionalExpectedPurchases, pAlive, type BgNbdParams } from '../../src/main/analysis/bgnbd'
import {
  predictCustomer,
  predictCustomerSafely,
  type FittedModels,
} from '../../src/main/analysis/customer-value'
import { computeAnalysis, resolveParameters } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { hyp2f1, lgamma, NotConvergedError } from '../../src/main/analysis/special'
import { dateOfDay, dayNumber } from '../../src/main/analysis/dates'
import { testContext } from '../helpers/db'
import { gammaSample, seededRandom } from '../helpers/random'
import { insertSales, type TestSale } from '../helpers/sales'

// E[Y(t) | x, t_x, T] must be computable for every customer of every fit: for fits where a and b run off to
// infinity (every customer drops out with the same chance), and for z = t/(α+T+t) close to 1. Checked against
// its definition integrated numerically: given alive, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x), and a live
// customer buys (1 - e^(-λpt))/p times on average, so
//   E = P(alive) ∫ (1 - (1 + p t/(α+T))^-(r+x)) / p · Beta(p; a, b+x) dp.

function byIntegration(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params
  const u = t / (alpha + T)
  const s = r + x
  const bx = b + x
  const logBeta = lgamma(a) + lgamma(bx) - lgamma(a + bx)
  // p = e^-y, y in [0, 80]; Simpson's rule
  const n = 400_000
  const h = 80 / n
  const f = (y: number): number => {
    if (y === 0) return 0
    const p = Math.exp(-y)
    const log1mP = Math.log1p(-p)
    const value = -Math.expm1(-s * Math.log1p(p * u)) / p
    return value * Math.exp(a * -y + (bx - 1) * log1mP - logBeta) // p^(a-1) dp = p^a dy
  }
  let sum = f(0) + f(80)
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(i * h)
  return ((sum * h) / 3) * pAlive(params, x, tx, T)
}

describe('BG/NBD expected purchases where the plain series fails', () => {
  const cases: [BgNbdParams, number, number, number][] = [
    [{ r: 0.3, alpha: 10, a: 1e3, b: 5e3 }, 0, 0, 150],
    [{ r: 0.3, alpha: 10, a: 1e3, b: 5e3 }, 3, 20, 200],
    [{ r: 0.3, alpha: 10, a: 1e3, b: 5e3 }, 40, 300, 310],
    [{ r: 2, alpha: 5, a: 50, b: 3000 }, 0, 0, 0],
    [{ r: 0.3, alpha: 0.01, a: 1.5, b: 2 }, 0, 0, 0], // z = 0.99997
    [{ r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 }, 2, 30.4, 38.9], // CDNOW-like, plain series
  ]

  it('agrees with the numerical integral of its definition', () => {
    for (const [params, x, tx, T] of cases) {
      const value = conditionalExpectedPurchases(params, 365, x, tx, T)
      expect(value / byIntegration(params, 365, x, tx, T), JSON.stringify([params, x])).toBeCloseTo(1, 6)
    }
  })

  it('the first case overflowed the Euler-transformed series that was used alone before', () => {
    const [{ r, alpha, a, b }, x, , T] = cases[0] ?? [{ r: 0, alpha: 0, a: 0, b: 0 }, 0, 0, 0]
    expect(() => hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, 365 / (alpha + T + 365))).toThrow(
      NotConvergedError,
    )
  })

  it('leaves one customer out with a note when no form converges, instead of failing', () => {
    // c - a - b is a whole number in both forms, and z = 1 - 3e-9: no series converges in time
    const params = { r: 0.5, alpha: 1e-6, a: 2.5, b: 3 }
    const models: FittedModels = {
      bgnbd: { params, logLikelihood: 0, customers: 10, groups: 1, iterations: 1 },
      gammaGamma: null,
      spendFallback: 120,
      note: null,
    }
    const input = { x: 0, tx: 0, T: 0, repeatMean: 0 }
    const clv = { horizonDays: 365, annualDiscountRate: 0.1, unitDays: 1 }
    expect(() => predictCustomer(models, input, clv)).toThrow(NotConvergedError)
    expect(predictCustomerSafely(models, input, clv)).toEqual({
      pAlive: 1,
      expected30: null,
      expected90: null,
      expected365: null,
      expectedSpendSatang: 12000,
      clvSatang: null,
      failed: true,
    })
  })
})

describe('an analysis as of a date long after the last sale', () => {
  it('completes where every customer drops out with the same chance (a and b of the fit run off)', async () => {
    // Customers buy at their own Poisson rate and drop out after each purchase with the same 5 % chance: the
    // fitted Beta(a, b) becomes a point mass (a, b in the billions). Sales end in January 2025; the analysis
    // is as of 2025-06-30. Before, E[Y(t)] threw NotConvergedError from hyp2f1 and the whole run failed.
    const random = seededRandom(7)
    const first = dayNumber('2024-01-01')
    const last = dayNumber('2025-01-29')
    const sales: TestSale[] = []
    for (let c = 0; c < 150; c++) {
      const rate = gammaSample(random, 3, 15)
      let day = first + Math.floor(random() * 300)
      sales.push({ customer: `C${c}`, at: dateOfDay(day), baht: 100 + Math.round(random() * 400) })
      for (;;) {
        day += Math.max(1, Math.round(-Math.log(1 - random()) / rate))
        if (day > last || random() < 0.05) break
        sales.push({ customer: `C${c}`, at: dateOfDay(day), baht: 100 + Math.round(random() * 400) })
      }
    }
    const ctx = await testContext()
    const sqlite = ctx.connection.sqlite
    insertSales(sqlite, sales)
    const result = computeAnalysis(
      sqlite,
      resolveParameters(sqlite, { asOf: '2025-06-30' }),
      DEFAULT_SEGMENT_RULES,
    )
    const bg = result.models.bgnbd?.params
    expect(bg?.a).toBeGreaterThan(1e6)
    expect(result.customers).toHaveLength(150)
    const p = (bg?.a ?? 0) / ((bg?.a ?? 0) + (bg?.b ?? 0))
    for (const c of result.customers) {
      expect(Number.isFinite(c.expected365), String(c.customerId)).toBe(true)
      expect(c.clvSatang).not.toBeNull()
      // the point-mass limit: a live customer buys (1 - E[e^(-λpt)]) / p times
      const x = c.purchaseDays - 1
      const T = dayNumber('2025-06-30') - dayNumber(c.firstPurchase)
      const limit =
        (1 -
          Math.pow((bg?.alpha ?? 0) + T, (bg?.r ?? 0) + x) /
            Math.pow((bg?.alpha ?? 0) + T + p * 365, (bg?.r ?? 0) + x)) /
        p
      expect((c.expected365 ?? 0) / ((c.pAlive ?? 0) * limit)).toBeCloseTo(1, 4)
    }
    expect(result.models.note).toBeNull()
  })
})
