import { join } from 'node:path'
import { computeCohorts } from '../../src/main/analysis/cohorts'
import { computeRfm } from '../../src/main/analysis/rfm'
import { computeAnalysis, resolveParameters, saveAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { openDatabase } from '../../src/main/db'
import { generateSalesDb } from '../generate-sales-db'
import { atMost, type Suite } from '../types'

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function timed<T>(work: () => T): { value: T; seconds: number } {
  const start = performance.now()
  const value = work()
  return { value, seconds: (performance.now() - start) / 1000 }
}

export const rfmSuite: Suite = {
  name: 'rfm',
  description: 'RFM scores and segments (one SQL pass + scoring), full analysis run, cohorts; generated shop',
  async run({ quick, workDir }) {
    const customers = quick ? 10_000 : 100_000
    const file = join(workDir, 'shop.db')
    const generationStart = performance.now()
    const shop = await generateSalesDb(file, { customers, meanLines: 4.5, seed: 20261125 })
    const generation = { seconds: (performance.now() - generationStart) / 1000 }
    const connection = openDatabase(file)
    try {
      const { sqlite } = connection
      const window = { asOf: shop.lastDate, windowDays: null }
      const rfmTimes: number[] = []
      let scored = 0
      for (let i = 0; i < 5; i++) {
        const t = timed(() => computeRfm(sqlite, window, DEFAULT_SEGMENT_RULES))
        rfmTimes.push(t.seconds)
        scored = t.value.length
      }
      const rfm = median(rfmTimes)
      const parameters = resolveParameters(sqlite, { asOf: shop.lastDate })
      const compute = timed(() => computeAnalysis(sqlite, parameters, DEFAULT_SEGMENT_RULES))
      const save = timed(() => saveAnalysis(sqlite, compute.value))
      const cohorts = timed(() => computeCohorts(sqlite, { asOf: shop.lastDate }))
      const label = quick ? '10k' : '100k'
      return {
        suite: 'rfm',
        figures: [
          {
            name: `rfm_segments_${label}_customers`,
            value: rfm,
            unit: 's',
            ...(quick ? {} : atMost(rfm, 1)),
          },
          { name: `analysis_compute_${label}_customers`, value: compute.seconds, unit: 's' },
          { name: `analysis_save_${label}_customers`, value: save.seconds, unit: 's' },
          { name: `cohorts_${label}_customers`, value: cohorts.seconds, unit: 's' },
        ],
        notes: [
          `generated ${shop.customers.toLocaleString('en-US')} customers, ${shop.receipts.toLocaleString('en-US')} receipts, ${shop.lines.toLocaleString('en-US')} lines in ${generation.seconds.toFixed(1)} s; ${scored.toLocaleString('en-US')} customers scored as of ${shop.lastDate}`,
          `rfm: median of 5 runs (${rfmTimes.map((t) => t.toFixed(3)).join(', ')} s)`,
          compute.value.models.note ??
            `models fitted: BG/NBD r=${compute.value.models.bgnbd?.params.r.toFixed(3)}, Gamma-Gamma p=${compute.value.models.gammaGamma?.params.p.toFixed(3)}`,
        ],
      }
    } finally {
      await connection.close()
    }
  },
}
