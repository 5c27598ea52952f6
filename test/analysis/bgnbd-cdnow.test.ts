import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  pAlive,
  type BgNbdFit,
} from '../../src/main/analysis/bgnbd'
import { readCdnow, summarizeCdnow } from '../../src/main/analysis/cdnow'
import type { ModelInput } from '../../src/main/analysis/model-input'
import { datasetsDir, haveDatasets, missingDatasetsMessage, readPublishedSummary } from '../helpers/datasets'

// Reproduces ../shared/datasets/REFERENCE.md: BG/NBD on CDNOW with a 39-week calibration period ending
// 1997-09-30, time in weeks, x = repeat purchase days.

if (!haveDatasets) console.warn(missingDatasetsMessage)

/** Equal to n significant digits. */
function expectSignificant(actual: number, expected: number, digits: number): void {
  expect(Number(actual.toPrecision(digits))).toBe(Number(expected.toPrecision(digits)))
}

function asColumns(summary: Map<string, ModelInput>): { x: number[]; tx: number[]; T: number[] } {
  const rows = [...summary.values()]
  return { x: rows.map((r) => r.x), tx: rows.map((r) => r.tx), T: rows.map((r) => r.T) }
}

describe.skipIf(!haveDatasets)('BG/NBD on CDNOW_sample (REFERENCE.md)', () => {
  let summary: Map<string, ModelInput>
  let fit: BgNbdFit

  beforeAll(() => {
    summary = summarizeCdnow(readCdnow(resolve(datasetsDir, 'CDNOW_sample.txt')), '1997-09-30', 7)
    fit = fitBgNbd(asColumns(summary))
  })

  it('builds the same per-customer summary as the published file, for all 2,357 customers', () => {
    const published = readPublishedSummary()
    expect(published).toHaveLength(2357)
    expect(summary.size).toBe(2357)
    for (const row of published) {
      const mine = summary.get(row.id.padStart(4, '0'))
      expect(mine, `customer ${row.id}`).toBeDefined()
      if (!mine) continue
      expect(mine.x, `x of ${row.id}`).toBe(row.x)
      expect(Math.abs(mine.tx - row.tx), `t_x of ${row.id}`).toBeLessThanOrEqual(0.005 + 1e-9)
      expect(Math.abs(mine.T - row.T), `T of ${row.id}`).toBeLessThanOrEqual(0.005 + 1e-9)
      expect(Math.abs(mine.repeatMean - row.zbar), `zbar of ${row.id}`).toBeLessThanOrEqual(0.005 + 1e-9)
    }
  })

  it('fits r, alpha, a, b to 3 significant digits and the log-likelihood to 0.01', () => {
    // the unrounded fit of CLVTools and lifetimes
    expectSignificant(fit.params.r, 0.2425945, 3)
    expectSignificant(fit.params.alpha, 4.4136, 3)
    expectSignificant(fit.params.a, 0.79292, 3)
    expectSignificant(fit.params.b, 2.42589, 3)
    expect(Math.abs(fit.logLikelihood - -9582.429)).toBeLessThanOrEqual(0.01)
    // and the published (rounded) values of Fader, Hardie & Lee 2005
    expect(fit.params.r).toBeCloseTo(0.243, 3)
    expect(fit.params.alpha).toBeCloseTo(4.414, 3)
    expect(fit.params.a).toBeCloseTo(0.793, 3)
    expect(fit.params.b).toBeCloseTo(2.426, 3)
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1)
    expect(fit.customers).toBe(2357)
  })

  it('gives the sample customer (x = 2, t_x = 30.43, T = 38.86) 1.226 purchases in 39 weeks and P(alive) 0.7266', () => {
    expect(conditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3)
    expect(pAlive(fit.params, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 4)
  })

  it('reproduces the unconditional E[X(t)] values', () => {
    const times = [0.1429, 1, 3, 31.8571, 32]
    const published = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437]
    times.forEach((t, i) =>
      expect(expectedPurchases(fit.params, t), `t = ${t}`).toBeCloseTo(published[i] ?? 0, 4),
    )
    // Hardie's spreadsheet gives 1.8576 at t = 78; the exact value at these parameters is 1.857957 (mpmath at
    // 30 digits; the direct and the Euler-transformed 2F1 agree to 1e-14). lifetimes checks it to 3 decimals.
    const at78 = expectedPurchases(fit.params, 78)
    expect(Math.abs(at78 - 1.8576)).toBeLessThan(5e-4)
    expect(expectedPurchases({ r: 0.2425945, alpha: 4.4136, a: 0.79292, b: 2.42589 }, 78)).toBeCloseTo(
      1.857956876,
      8,
    )
  })

  it('predicts the same for every customer with the direct and the Euler-transformed hypergeometric form', async () => {
    const { hyp2f1 } = await import('../../src/main/analysis/special')
    const { r, alpha, a, b } = fit.params
    for (const { x, tx, T } of [...summary.values()].slice(0, 300)) {
      const t = 52
      const z = t / (alpha + T + t)
      const direct =
        (((a + b + x - 1) / (a - 1)) *
          (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))) /
        (1 + (x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0))
      expect(conditionalExpectedPurchases(fit.params, t, x, tx, T)).toBeCloseTo(direct, 10)
    }
  })
})

describe.skipIf(!haveDatasets)('BG/NBD on CDNOW_master (REFERENCE.md)', () => {
  it('fits the full cohort of 23,570 customers as lifetimes does', () => {
    const summary = summarizeCdnow(readCdnow(resolve(datasetsDir, 'CDNOW_master.txt')), '1997-09-30', 7)
    expect(summary.size).toBe(23570)
    const fit = fitBgNbd(asColumns(summary))
    expect(fit.params.r).toBeCloseTo(0.2516, 4)
    expect(fit.params.alpha).toBeCloseTo(4.7889, 3)
    expect(fit.params.a).toBeCloseTo(0.7234, 4)
    expect(fit.params.b).toBeCloseTo(2.1611, 3)
    expect(fit.logLikelihood).toBeCloseTo(-95368.4, 1)
    // customers with equal (x, t_x, T) are fitted as one weighted group
    expect(fit.groups).toBeLessThan(fit.customers / 2)
  })
})
