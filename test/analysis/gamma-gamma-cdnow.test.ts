import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readCdnow, summarizeCdnow } from '../../src/main/analysis/cdnow'
import { expectedSpend, fitGammaGamma, type GammaGammaFit } from '../../src/main/analysis/gamma-gamma'
import type { ModelInput } from '../../src/main/analysis/model-input'
import { datasetsDir, haveDatasets, missingDatasetsMessage } from '../helpers/datasets'

if (!haveDatasets) console.warn(missingDatasetsMessage)

describe.skipIf(!haveDatasets)('Gamma-Gamma on CDNOW_sample (REFERENCE.md)', () => {
  let summary: Map<string, ModelInput>
  let fit: GammaGammaFit

  beforeAll(() => {
    summary = summarizeCdnow(readCdnow(resolve(datasetsDir, 'CDNOW_sample.txt')), '1997-09-30', 7)
    const repeat = [...summary.values()].filter((c) => c.x > 0)
    fit = fitGammaGamma({ x: repeat.map((c) => c.x), m: repeat.map((c) => c.repeatMean) })
  })

  it('is fitted on the 946 repeat buyers and gives p = 6.25, q = 3.74, gamma = 15.44, LL = -4055.9177', () => {
    expect(fit.customers).toBe(946)
    expect(fit.params.p).toBeCloseTo(6.25, 2)
    expect(fit.params.q).toBeCloseTo(3.74, 2)
    expect(fit.params.gamma).toBeCloseTo(15.44, 2)
    expect(fit.logLikelihood).toBeCloseTo(-4055.9177, 3)
  })

  it('gives the published expected average spend of customers 1-10', () => {
    const published = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17]
    published.forEach((spend, i) => {
      const c = summary.get(String(i + 1).padStart(4, '0'))
      if (!c) throw new Error(`customer ${i + 1} missing`)
      expect(expectedSpend(fit.params, c.x, c.repeatMean), `customer ${i + 1}`).toBeCloseTo(spend, 2)
    })
  })

  it('has the published observed and model mean spend (35.08 and 35.17)', () => {
    const repeat = [...summary.values()].filter((c) => c.x > 0)
    const observed = repeat.reduce((s, c) => s + c.repeatMean, 0) / repeat.length
    expect(observed).toBeCloseTo(35.08, 2)
    const { p, q, gamma } = fit.params
    expect((p * gamma) / (q - 1)).toBeCloseTo(35.17, 2)
    expect(expectedSpend(fit.params, 0, 0)).toBeCloseTo(35.17, 2)
  })
})
