import { describe, expect, it } from 'vitest'
import { fitBgNbd, type BgNbdParams } from '../../src/main/analysis/bgnbd'
import { fitGammaGamma, type GammaGammaParams } from '../../src/main/analysis/gamma-gamma'
import { betaSample, exponentialSample, gammaSample, seededRandom } from '../helpers/random'

// Data drawn from the models with known parameters must be fitted back: a check of the likelihood, its
// gradient and the optimiser that does not lean on any published number.

function simulateBgNbd(
  params: BgNbdParams,
  customers: number,
  seed: number,
): { x: number[]; tx: number[]; T: number[] } {
  const random = seededRandom(seed)
  const out = { x: [] as number[], tx: [] as number[], T: [] as number[] }
  for (let i = 0; i < customers; i++) {
    const lambda = gammaSample(random, params.r, params.alpha)
    const p = betaSample(random, params.a, params.b)
    // first purchases spread over 12 weeks, observed until week 52 (as a calibration period would be)
    const T = 52 - Math.floor(random() * 12)
    let t = 0
    let x = 0
    let tx = 0
    for (;;) {
      t += exponentialSample(random, lambda)
      if (t > T) break
      x++
      tx = t
      if (random() < p) break // drops out right after this purchase
    }
    out.x.push(x)
    out.tx.push(tx)
    out.T.push(T)
  }
  return out
}

function simulateGammaGamma(
  params: GammaGammaParams,
  customers: number,
  seed: number,
): { x: number[]; m: number[] } {
  const random = seededRandom(seed)
  const out = { x: [] as number[], m: [] as number[] }
  for (let i = 0; i < customers; i++) {
    const nu = gammaSample(random, params.q, params.gamma)
    const x = 1 + Math.floor(random() * 8)
    let sum = 0
    for (let k = 0; k < x; k++) sum += gammaSample(random, params.p, nu)
    out.x.push(x)
    out.m.push(sum / x)
  }
  return out
}

function expectWithin(actual: number, expected: number, relative: number, what: string): void {
  expect(Math.abs(actual / expected - 1), `${what}: fitted ${actual}, true ${expected}`).toBeLessThan(
    relative,
  )
}

describe('fitting simulated data back', () => {
  it('recovers BG/NBD parameters from 20,000 simulated customers', () => {
    const truth: BgNbdParams = { r: 0.6, alpha: 5, a: 0.9, b: 3 }
    const fit = fitBgNbd(simulateBgNbd(truth, 20_000, 20260101))
    expectWithin(fit.params.r, truth.r, 0.05, 'r')
    expectWithin(fit.params.alpha, truth.alpha, 0.06, 'alpha')
    expectWithin(fit.params.a, truth.a, 0.15, 'a')
    expectWithin(fit.params.b, truth.b, 0.15, 'b')
    // the shape of the data (mean purchase rate r/alpha, mean dropout a/(a+b)) is pinned more tightly
    expectWithin(fit.params.r / fit.params.alpha, truth.r / truth.alpha, 0.03, 'r / alpha')
  })

  it('recovers the same BG/NBD parameters whatever the time unit (only alpha scales)', () => {
    const data = simulateBgNbd({ r: 0.6, alpha: 5, a: 0.9, b: 3 }, 5000, 7)
    const weeks = fitBgNbd(data)
    const days = fitBgNbd({ x: data.x, tx: data.tx.map((v) => v * 7), T: data.T.map((v) => v * 7) })
    expect(days.params.r).toBeCloseTo(weeks.params.r, 4)
    expect(days.params.alpha / 7).toBeCloseTo(weeks.params.alpha, 3)
    expect(days.params.a).toBeCloseTo(weeks.params.a, 4)
    expect(days.params.b).toBeCloseTo(weeks.params.b, 4)
  })

  it('recovers Gamma-Gamma parameters from 10,000 simulated repeat buyers', () => {
    const truth: GammaGammaParams = { p: 4, q: 5, gamma: 300 }
    const fit = fitGammaGamma(simulateGammaGamma(truth, 10_000, 99))
    expectWithin(fit.params.p, truth.p, 0.08, 'p')
    expectWithin(fit.params.q, truth.q, 0.05, 'q')
    expectWithin(fit.params.gamma, truth.gamma, 0.1, 'gamma')
    // the mean spend p γ / (q - 1) is pinned more tightly
    expectWithin((fit.params.p * fit.params.gamma) / (fit.params.q - 1), 300, 0.01, 'mean spend')
  })
})
