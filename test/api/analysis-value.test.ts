import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import type { ApiContext } from '../../src/main/api/context'
import { createApiContext } from '../../src/main/app-context'
import { runAnalysis } from '../../src/main/analysis/run'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import type { Input, Method, Output } from '../../src/shared/api'
import { generateSalesDb } from '../../bench/generate-sales-db'

// A generated shop (seeded) big enough for the CLV models: the Value page's data and the customer lists are
// checked against the stored scores read back with plain SQL.

async function call<M extends Method>(method: M, input: Input<M>, ctx: ApiContext): Promise<Output<M>> {
  const result = await dispatch(method, input, ctx)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data as Output<M>
}

interface ScoreRow {
  customer_id: number
  segment: string
  monetary_satang: number
  clv_satang: number | null
  churn_level: string
  p_alive: number | null
  expected_purchases_30: number | null
  expected_purchases_90: number | null
  expected_purchases_365: number | null
  expected_spend_satang: number | null
}

describe('value overview and segment lists on a generated shop', () => {
  let ctx: ApiContext
  let runId: number
  let scores: ScoreRow[]

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lukkha-value-'))
    const file = join(dir, 'shop.db')
    const shop = await generateSalesDb(file, { customers: 3000, meanLines: 3, seed: 7 })
    ctx = await createApiContext({
      dbFile: file,
      appVersion: 'test',
      systemLocale: 'th-TH',
      now: () => new Date(),
    })
    runId = runAnalysis(ctx.connection.sqlite, { asOf: shop.lastDate }, DEFAULT_SEGMENT_RULES)
    scores = ctx.connection.sqlite
      .prepare('select * from analysis_scores where run_id = ? order by customer_id')
      .all(runId) as ScoreRow[]
    return async () => {
      await ctx.connection.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fits both models and stores consistent predictions for every customer', async () => {
    const run = await call('getAnalysisRun', { runId }, ctx)
    expect(run?.bgnbd).not.toBeNull()
    expect(run?.gammaGamma).not.toBeNull()
    expect(run?.modelNote).toBeNull()
    expect(scores).toHaveLength(3000)
    for (const s of scores) {
      expect(s.p_alive).toBeGreaterThan(0)
      expect(s.p_alive).toBeLessThanOrEqual(1)
      expect(s.expected_purchases_30).toBeLessThanOrEqual(s.expected_purchases_90 ?? 0)
      expect(s.expected_purchases_90).toBeLessThanOrEqual(s.expected_purchases_365 ?? 0)
      expect(s.expected_spend_satang).toBeGreaterThan(0)
      // CLV is discounted: at most the undiscounted spend x purchases over the 365-day horizon
      expect(s.clv_satang).toBeLessThanOrEqual(
        (s.expected_spend_satang ?? 0) * (s.expected_purchases_365 ?? 0) + 1,
      )
    }
  })

  it('gives a CLV histogram, value tiers and a Pareto curve that add up to the stored scores', async () => {
    const value = await call('getValueOverview', { runId, bins: 10, limit: 15 }, ctx)
    if (!value) throw new Error('no value overview')
    expect(value.clvHistogram).toHaveLength(10)
    expect(value.clvHistogram.reduce((s, b) => s + b.customers, 0)).toBe(3000)
    value.clvHistogram.forEach((bin, i) => {
      expect(bin.fromSatang).toBe(i === 0 ? 0 : value.clvHistogram[i - 1]?.toSatang)
      const inBin = scores.filter(
        (s) =>
          (s.clv_satang ?? 0) >= bin.fromSatang &&
          (bin.toSatang === null || (s.clv_satang ?? 0) < bin.toSatang),
      )
      expect(bin.customers, `bin ${i}`).toBe(inBin.length)
    })
    expect(value.clvHistogram.at(-1)?.toSatang).toBeNull()
    expect(value.totalClvSatang).toBe(scores.reduce((s, r) => s + (r.clv_satang ?? 0), 0))

    const revenue = scores.reduce((s, r) => s + r.monetary_satang, 0)
    const bySpend = scores.map((s) => s.monetary_satang).sort((a, b) => b - a)
    const topShare = (share: number): number =>
      bySpend.slice(0, Math.round(share * bySpend.length)).reduce((s, v) => s + v, 0) / revenue
    expect(value.pareto).toHaveLength(21)
    expect(value.pareto.find((p) => p.customerShare === 0.2)?.revenueShare).toBeCloseTo(topShare(0.2), 12)
    expect(value.pareto.at(-1)?.revenueShare).toBeCloseTo(1, 12)
    const for80 = value.customerShareFor80 ?? 1
    expect(topShare(for80)).toBeGreaterThanOrEqual(0.8)
    expect(topShare(for80 - 1 / 3000)).toBeLessThan(0.8)

    const tiers = Object.fromEntries(value.tiers.map((t) => [t.tier, t]))
    expect(value.tiers.reduce((s, t) => s + t.customers, 0)).toBe(3000)
    expect(value.tiers.reduce((s, t) => s + t.revenueShare, 0)).toBeCloseTo(1, 12)
    // distinct spends: the top 1 % tier is the 30 biggest spenders
    expect(tiers.top_1?.customers).toBe(30)
    expect(tiers.top_1?.revenueShare).toBeCloseTo(topShare(0.01), 12)
  })

  it('lists top customers by CLV and valuable customers at risk, high risk first', async () => {
    const value = await call('getValueOverview', { runId, limit: 15 }, ctx)
    if (!value) throw new Error('no value overview')
    const clvs = value.topCustomers.map((c) => c.clvSatang ?? 0)
    expect(clvs).toEqual([...clvs].sort((a, b) => b - a))
    const best = Math.max(...scores.map((s) => s.clv_satang ?? 0))
    expect(clvs[0]).toBe(best)
    expect(value.atRisk).toHaveLength(15)
    const levels = value.atRisk.map((c) => c.churnLevel)
    expect(levels.every((l) => l === 'high' || l === 'medium')).toBe(true)
    expect(levels).toEqual([...levels].sort((a, b) => (a === b ? 0 : a === 'high' ? -1 : 1)))
    const highSpend = scores
      .filter((s) => s.churn_level === 'high')
      .map((s) => s.monetary_satang)
      .sort((a, b) => b - a)
    expect(value.atRisk[0]?.monetarySatang).toBe(highSpend[0])
  })

  it('pages through exactly the customers of a segment, in the order asked', async () => {
    const overview = await call('getSegmentsOverview', { runId }, ctx)
    const segment = overview?.segments.find((s) => s.customers > 120)
    if (!segment) throw new Error('no segment with more than 120 customers')
    const expected = scores.filter((s) => s.segment === segment.id)
    expect(segment.customers).toBe(expected.length)
    const seen: number[] = []
    let previous = Number.POSITIVE_INFINITY
    for (let page = 1; ; page++) {
      const result = await call(
        'listSegmentCustomers',
        { runId, segment: segment.id, page, pageSize: 50 },
        ctx,
      )
      expect(result.total).toBe(expected.length)
      for (const row of result.rows) {
        expect(row.segment).toBe(segment.id)
        expect(row.monetarySatang).toBeLessThanOrEqual(previous)
        previous = row.monetarySatang
        seen.push(row.customerId)
      }
      if (result.rows.length < 50) break
    }
    expect(seen.sort((a, b) => a - b)).toEqual(expected.map((s) => s.customer_id))
    const byRecency = await call(
      'listSegmentCustomers',
      { runId, segment: segment.id, sort: 'recency', direction: 'asc', pageSize: 500 },
      ctx,
    )
    const recency = byRecency.rows.map((r) => r.recencyDays)
    expect(recency).toEqual([...recency].sort((a, b) => a - b))
  })
})
