import { describe, expect, it } from 'vitest'
import { compress, fitBgNbd } from '../../src/main/analysis/bgnbd'
import { bgnbdEvaluate, type Groups } from '../../src/main/analysis/bgnbd-likelihood'
import { fitGammaGamma, gammaGammaLogLikelihood, prepareSpend } from '../../src/main/analysis/gamma-gamma'
import { newtonMinimize } from '../../src/main/analysis/newton'
import { minimize } from '../../src/main/analysis/optimize'
import { trigamma } from '../../src/main/analysis/special'
import { betaSample, exponentialSample, gammaSample, seededRandom } from '../helpers/random'

// Issue 17: the model fits use Newton's method with the exact Hessian. The analytic gradient and Hessian must
// equal finite differences of the value and of the gradient at random points, on whole-day data (the counting
// sort's groups) and on fractional times (the map's), and the fit must land where L-BFGS does.

/** A BG/NBD-like shop: x, t_x, T per customer, in whole days when `days`, else in weeks. */
function shop(seed: number, n: number, days: boolean): { x: number[]; tx: number[]; T: number[] } {
  const random = seededRandom(seed)
  const x: number[] = []
  const tx: number[] = []
  const T: number[] = []
  for (let i = 0; i < n; i++) {
    const span = Math.floor(random() * 400)
    const rate = gammaSample(random, 0.6, 20)
    const drop = betaSample(random, 1.2, 6)
    let t = 0
    let k = 0
    let last = 0
    for (;;) {
      t += exponentialSample(random, rate)
      if (t > span) break
      k++
      last = t
      if (random() < drop) break
    }
    const unit = days ? 1 : 7
    const round = (v: number): number => (days ? Math.floor(v) : Math.round((v / unit) * 100) / 100)
    const lastT = Math.min(round(last), round(span))
    x.push(lastT === 0 ? 0 : k)
    tx.push(lastT === 0 ? 0 : lastT)
    T.push(round(span))
  }
  return { x, tx, T }
}

const logParams = (v: number[]) => ({
  r: Math.exp(v[0] ?? 0),
  alpha: Math.exp(v[1] ?? 0),
  a: Math.exp(v[2] ?? 0),
  b: Math.exp(v[3] ?? 0),
})

function expectDerivatives(
  f: (v: number[]) => { value: number; gradient: Float64Array; hessian?: Float64Array },
  at: number[],
): void {
  const n = at.length
  const h = 1e-5
  const { value, gradient, hessian } = f(at)
  expect(Number.isFinite(value)).toBe(true)
  for (let j = 0; j < n; j++) {
    const up = at.map((v, k) => (k === j ? v + h : v))
    const down = at.map((v, k) => (k === j ? v - h : v))
    const fu = f(up)
    const fd = f(down)
    const numeric = (fu.value - fd.value) / (2 * h)
    const scale = Math.max(1, Math.abs(numeric))
    expect(Math.abs((gradient[j] ?? 0) - numeric) / scale, `gradient ${j}`).toBeLessThan(1e-6)
    for (let k = 0; k < n; k++) {
      const second = ((fu.gradient[k] ?? 0) - (fd.gradient[k] ?? 0)) / (2 * h)
      const s = Math.max(1, Math.abs(second))
      expect(Math.abs((hessian?.[j * n + k] ?? Number.NaN) - second) / s, `hessian ${j},${k}`).toBeLessThan(
        1e-5,
      )
    }
  }
}

describe('BG/NBD likelihood derivatives', () => {
  for (const days of [true, false]) {
    it(`equal finite differences at random points (${days ? 'whole days' : 'weeks'})`, () => {
      const groups = compress(shop(days ? 11 : 12, 3000, days))
      const random = seededRandom(days ? 5 : 6)
      for (let trial = 0; trial < 6; trial++) {
        const at = [
          Math.log(0.1 + random() * 2),
          Math.log(days ? 5 + random() * 80 : 1 + random() * 12),
          Math.log(0.3 + random() * 3),
          Math.log(0.5 + random() * 10),
        ]
        expectDerivatives((v) => bgnbdEvaluate(logParams(v), groups, true), at)
      }
    })
  }

  it('gives the same value and gradient with and without the Hessian', () => {
    const groups = compress(shop(13, 500, true))
    const p = { r: 0.4, alpha: 20, a: 0.9, b: 3 }
    const plain = bgnbdEvaluate(p, groups)
    const full = bgnbdEvaluate(p, groups, true)
    expect(plain.hessian).toBeUndefined()
    expect(full.value).toBe(plain.value)
    expect([...full.gradient]).toEqual([...plain.gradient])
  })
})

describe('grouping customers by (x, t_x, T)', () => {
  it('puts every customer in the group of their own figures, by counting sort (days) and by map (weeks)', () => {
    for (const days of [true, false]) {
      const data = shop(days ? 21 : 22, 2000, days)
      const groups = compress(data)
      const weights = new Float64Array(groups.x.length)
      data.x.forEach((x, i) => {
        const g = groups.groupOf[i] ?? -1
        expect(groups.x[g]).toBe(x)
        expect(groups.tx[g]).toBe(x === 0 ? 0 : data.tx[i])
        expect(groups.T[g]).toBe(data.T[i])
        expect(groups.times[groups.TIndex[g] ?? -1]).toBe(data.T[i])
        expect(groups.times[groups.txIndex[g] ?? -1]).toBe(groups.tx[g])
        weights[g] = (weights[g] ?? 0) + 1
      })
      expect([...weights]).toEqual([...groups.weight])
      const keys = new Set(Array.from(groups.x, (x, g) => `${x} ${groups.tx[g]} ${groups.T[g]}`))
      expect(keys.size).toBe(groups.x.length) // distinct
      expect(groups.total).toBe(2000)
    }
  })

  it('orders whole-day groups by x, then T, then t_x', () => {
    const groups: Groups = compress(shop(23, 2000, true))
    for (let g = 1; g < groups.x.length; g++) {
      const cmp =
        (groups.x[g - 1] ?? 0) - (groups.x[g] ?? 0) ||
        (groups.T[g - 1] ?? 0) - (groups.T[g] ?? 0) ||
        (groups.tx[g - 1] ?? 0) - (groups.tx[g] ?? 0)
      expect(cmp).toBeLessThan(0)
    }
  })
})

describe('Gamma-Gamma likelihood derivatives', () => {
  it('equal finite differences at random points', () => {
    const random = seededRandom(31)
    const x: number[] = []
    const m: number[] = []
    for (let i = 0; i < 2000; i++) {
      x.push(1 + Math.floor(random() * 12))
      m.push(20 + gammaSample(random, 2, 0.01))
    }
    const fit = fitGammaGamma({ x, m })
    expect(fit.params.q).toBeGreaterThan(1)
    const prepared = prepareSpend({ x, m })
    for (let trial = 0; trial < 6; trial++) {
      const at = [Math.log(0.5 + random() * 5), Math.log(1.5 + random() * 8), Math.log(10 + random() * 500)]
      expectDerivatives(
        (v) =>
          gammaGammaLogLikelihood(
            { p: Math.exp(v[0] ?? 0), q: Math.exp(v[1] ?? 0), gamma: Math.exp(v[2] ?? 0) },
            prepared,
            true,
          ),
        at,
      )
    }
  })
})

describe('trigamma', () => {
  it('matches known values and its recurrence', () => {
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 13)
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 12)
    expect(trigamma(2)).toBeCloseTo(Math.PI ** 2 / 6 - 1, 13)
    for (const v of [0.05, 0.7, 3.3, 9.99, 10.01, 55, 1e4]) {
      expect(trigamma(v) - trigamma(v + 1)).toBeCloseTo(1 / (v * v), 10)
    }
    expect(() => trigamma(0)).toThrow(RangeError)
  })
})

const rosenbrock = (v: Float64Array) => {
  const x = v[0] ?? 0
  const y = v[1] ?? 0
  return {
    value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    gradient: Float64Array.of(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
    hessian: Float64Array.of(2 - 400 * (y - 3 * x * x), -400 * x, -400 * x, 200),
  }
}

describe("Newton's method", () => {
  it('gives up (for the L-BFGS fallback) after maxEvaluations passes', () => {
    const result = newtonMinimize(rosenbrock, [-1.2, 1], { maxEvaluations: 4 })
    expect(result.converged).toBe(false)
    expect(result.evaluations).toBeLessThanOrEqual(6)
  })

  it('finds the minimum of the Rosenbrock function from the textbook start', () => {
    const result = newtonMinimize(
      (v) => {
        const x = v[0] ?? 0
        const y = v[1] ?? 0
        return {
          value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
          gradient: Float64Array.of(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
          hessian: Float64Array.of(2 - 400 * (y - 3 * x * x), -400 * x, -400 * x, 200),
        }
      },
      [-1.2, 1],
    )
    expect(result.converged).toBe(true)
    expect(result.x[0]).toBeCloseTo(1, 7)
    expect(result.x[1]).toBeCloseTo(1, 7)
  })

  it('fits BG/NBD to the optimum L-BFGS finds, in fewer passes over the data', () => {
    const groups = compress(shop(41, 5000, true))
    const scale = 1 / groups.total
    let lbfgsPasses = 0
    const lbfgs = minimize(
      (v) => {
        lbfgsPasses++
        const { value, gradient } = bgnbdEvaluate(logParams([...v]), groups)
        return { value: -value * scale, gradient: gradient.map((g) => -g * scale) }
      },
      [0, Math.log(200), 0, 0],
      { gradientTolerance: 1e-9 },
    )
    const newton = newtonMinimize(
      (v) => {
        const { value, gradient, hessian } = bgnbdEvaluate(logParams([...v]), groups, true)
        return {
          value: -value * scale,
          gradient: gradient.map((g) => -g * scale),
          hessian: (hessian ?? new Float64Array(16)).map((h) => -h * scale),
        }
      },
      [0, Math.log(200), 0, 0],
      { gradientTolerance: 1e-9 },
    )
    expect(lbfgs.converged && newton.converged).toBe(true)
    for (let j = 0; j < 4; j++) expect(newton.x[j]).toBeCloseTo(lbfgs.x[j] ?? 0, 5)
    expect(newton.value).toBeLessThanOrEqual(lbfgs.value + 1e-12)
    expect(newton.evaluations).toBeLessThan(lbfgsPasses)
  })
})

describe('fits on many customers start from a fit on a sample', () => {
  it('BG/NBD lands on the optimum of L-BFGS from the plain start', () => {
    const groups = compress(shop(51, 30_000, true))
    expect(groups.x.length).toBeGreaterThan(8000) // the warm start is used
    const scale = 1 / groups.total
    const lbfgs = minimize(
      (v) => {
        const { value, gradient } = bgnbdEvaluate(logParams([...v]), groups)
        return { value: -value * scale, gradient: gradient.map((g) => -g * scale) }
      },
      [0, Math.log(200), 0, 0],
      { gradientTolerance: 1e-9 },
    )
    const fit = fitBgNbd(groups)
    const p = logParams([...lbfgs.x])
    expect(fit.params.r).toBeCloseTo(p.r, 6)
    expect(fit.params.alpha / p.alpha).toBeCloseTo(1, 6)
    expect(fit.params.a / p.a).toBeCloseTo(1, 6)
    expect(fit.params.b / p.b).toBeCloseTo(1, 6)
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(-lbfgs.value * groups.total - 1e-6)
  })

  it('Gamma-Gamma lands on the optimum of L-BFGS from the plain start', () => {
    const random = seededRandom(52)
    const x: number[] = []
    const m: number[] = []
    for (let i = 0; i < 20_000; i++) {
      const nu = gammaSample(random, 4, 300)
      x.push(1 + Math.floor(random() * 9))
      m.push(gammaSample(random, 3, nu))
    }
    const prepared = prepareSpend({ x, m })
    const n = x.length
    const fromLog = (v: Float64Array) => ({
      p: Math.exp(v[0] ?? 0),
      q: Math.exp(v[1] ?? 0),
      gamma: Math.exp(v[2] ?? 0),
    })
    const meanM = m.reduce((s, v) => s + v / n, 0)
    const lbfgs = minimize(
      (v) => {
        const { value, gradient } = gammaGammaLogLikelihood(fromLog(v), prepared)
        return { value: -value / n, gradient: gradient.map((g) => -g / n) }
      },
      [0, Math.log(2), Math.log(meanM)],
      { gradientTolerance: 1e-9 },
    )
    const fit = fitGammaGamma({ x, m })
    const want = fromLog(lbfgs.x)
    // the likelihood is flat along a ridge of (p, q, γ): both stop within 1e-5 of each other along it
    expect(fit.params.p / want.p).toBeCloseTo(1, 5)
    expect(fit.params.q / want.q).toBeCloseTo(1, 5)
    expect(fit.params.gamma / want.gamma).toBeCloseTo(1, 5)
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(-lbfgs.value * n - 1e-6)
  })
})
