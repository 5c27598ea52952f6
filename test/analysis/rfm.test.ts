import { describe, expect, it } from 'vitest'
import { computeRfm, quintileScores, readRfmRows, valueTiers } from '../../src/main/analysis/rfm'
import { DEFAULT_SEGMENT_RULES } from '../../src/main/analysis/segment-rules'
import { testContext } from '../helpers/db'
import { RFM_SALES } from '../fixtures/rfm-sales'
import { insertSales } from '../helpers/sales'

describe('quintile scores', () => {
  it('gives equal values the same score, from the count of strictly worse values', () => {
    // 1 x6: nobody worse -> 1; 2: 6 worse of 10 -> 1 + floor(3) = 4; 3: 7 -> 4; 4: 8 -> 5; 5: 9 -> 5
    expect([...quintileScores([1, 1, 1, 1, 1, 1, 2, 3, 4, 5], true)]).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5])
    // lower is better (recency): 0 has 4 worse of 5 -> 5
    expect([...quintileScores([0, 10, 10, 30, 90], false)]).toEqual([5, 3, 3, 2, 1])
  })

  it('does not depend on the order of the rows', () => {
    const values = [5, 3, 3, 8, 1, 1, 1, 9, 2, 7, 3, 6]
    const scores = quintileScores(values, true)
    const byValue = new Map(values.map((v, i) => [v, scores[i]]))
    const reversed = [...values].reverse()
    const scoresReversed = quintileScores(reversed, true)
    reversed.forEach((v, i) => expect(scoresReversed[i]).toBe(byValue.get(v)))
  })

  it('spreads distinct values evenly over 1..5', () => {
    const scores = quintileScores(
      Array.from({ length: 100 }, (_, i) => i),
      true,
    )
    for (let s = 1; s <= 5; s++) expect(scores.filter((x) => x === s)).toHaveLength(20)
  })

  it('puts value tiers by the share of customers who spent strictly more', () => {
    const spend = Array.from({ length: 200 }, (_, i) => i) // 199 is the best
    const tiers = valueTiers(spend)
    expect(tiers[199]).toBe('top_1')
    expect(tiers[198]).toBe('top_1') // 1 of 200 spent more: 0.5 %
    expect(tiers[197]).toBe('top_5') // 2 of 200: 1 %
    expect(tiers[190]).toBe('top_5') // 9 of 200: 4.5 %
    expect(tiers[189]).toBe('top_20') // 10 of 200: 5 %
    expect(tiers[100]).toBe('top_50') // 99 of 200: 49.5 %
    expect(tiers[99]).toBe('rest')
  })
})

describe('RFM from the database', () => {
  it('computes recency, frequency and net monetary as of a date', async () => {
    const ctx = await testContext()
    const ids = insertSales(ctx.connection.sqlite, RFM_SALES)
    const rows = readRfmRows(ctx.connection.sqlite, { asOf: '2026-03-31', windowDays: null })
    const byCode = new Map(rows.map((r) => [[...ids].find(([, id]) => id === r.customerId)?.[0], r]))
    expect([...byCode.keys()].sort()).toEqual(['A', 'B', 'C', 'F', 'G'])
    expect(byCode.get('A')).toMatchObject({ recencyDays: 1, frequency: 3, monetarySatang: 60000 })
    expect(byCode.get('B')).toMatchObject({ recencyDays: 75, frequency: 1, monetarySatang: 5000 })
    expect(byCode.get('C')).toMatchObject({ recencyDays: 0, frequency: 1, monetarySatang: 80000 })
    expect(byCode.get('F')).toMatchObject({ recencyDays: 21, frequency: 2, monetarySatang: 3000 })
    expect(byCode.get('G')).toMatchObject({ recencyDays: 90, frequency: 1, monetarySatang: 40000 })
  })

  it('scores and segments them with the default map', async () => {
    const ctx = await testContext()
    const ids = insertSales(ctx.connection.sqlite, RFM_SALES)
    const scores = computeRfm(
      ctx.connection.sqlite,
      { asOf: '2026-03-31', windowDays: null },
      DEFAULT_SEGMENT_RULES,
    )
    const code = (id: number): string | undefined => [...ids].find(([, v]) => v === id)?.[0]
    const got = Object.fromEntries(
      scores.map((s) => [
        code(s.customerId),
        [s.r, s.f, s.m, DEFAULT_SEGMENT_RULES.segments[s.segmentIndex]?.id],
      ]),
    )
    // R by recency (C 0, A 1, F 21, B 75, G 90): 5, 4, 3, 2, 1
    // F by frequency (A 3, F 2, others 1): A 5, F 4, others 1
    // M by net spend (C 800, A 600, G 400, B 50, F 30): 5, 4, 3, 2, 1
    // FM = round((F + M) / 2): A (5+4) 5, B (1+2) 2, C (1+5) 3, F (4+1) 3, G (1+3) 2
    expect(got).toEqual({
      A: [4, 5, 4, 'champions'], // (R 4, FM 5)
      // B (2, 2) and C (5, 3) bought once: F 1 is below need attention's and loyal's F >= 2, so they are
      // placed by recency alone, in the segment of (R, FM 1)
      B: [2, 1, 2, 'about_to_sleep'],
      C: [5, 1, 5, 'new'],
      F: [3, 4, 1, 'potential_loyalist'], // (3, 3)
      G: [1, 1, 3, 'hibernating'], // (1, 2)
    })
  })

  it('counts only receipts inside the window', async () => {
    const ctx = await testContext()
    const ids = insertSales(ctx.connection.sqlite, RFM_SALES)
    // 30 days ending 2026-03-31 start on 2026-03-02
    const rows = readRfmRows(ctx.connection.sqlite, { asOf: '2026-03-31', windowDays: 30 })
    const byId = new Map(rows.map((r) => [r.customerId, r]))
    expect(rows).toHaveLength(3)
    expect(byId.get(ids.get('A') ?? 0)).toMatchObject({ frequency: 1, monetarySatang: 10000, recencyDays: 1 })
    expect(byId.has(ids.get('C') ?? 0)).toBe(true)
    expect(byId.has(ids.get('F') ?? 0)).toBe(true)
  })
})
