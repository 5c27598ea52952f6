import { describe, expect, it } from 'vitest'
import { drawHoldout, holdoutSize, meanLift, proportionLift } from '../../src/main/campaigns'

describe('hold-out draw', () => {
  const ids = Array.from({ length: 1234 }, (_, i) => 1000 + i * 3)

  it('is reproducible: the same members, share and seed give the same hold-out, in any input order', () => {
    const a = drawHoldout(ids, 0.1, 42)
    const b = drawHoldout([...ids].reverse(), 0.1, 42)
    expect(b).toEqual(a)
    const c = drawHoldout(ids, 0.1, 43)
    expect(c.holdout).not.toEqual(a.holdout)
  })

  it.each([0.1, 0.05, 0.25, 0.5, 0])(
    'holds out exactly round(n * %s) members, disjoint from the contacted',
    (share) => {
      for (const n of [1, 7, 10, 99, 1234]) {
        const draw = drawHoldout(ids.slice(0, n), share, 7)
        expect(draw.holdout.length).toBe(Math.round(n * share))
        expect(draw.holdout.length + draw.contacted.length).toBe(n)
        const contacted = new Set(draw.contacted)
        expect(draw.holdout.some((id) => contacted.has(id))).toBe(false)
      }
      expect(holdoutSize(1234, 0.1)).toBe(123)
    },
  )

  it('spreads the hold-out over the list (not the first or last ids)', () => {
    const { holdout } = drawHoldout(ids, 0.1, 1)
    const firstHalf = holdout.filter((id) => id < (ids[617] as number)).length
    // a fair draw puts about half of the 123 in each half; 40..83 is far beyond 3 standard deviations
    expect(firstHalf).toBeGreaterThan(40)
    expect(firstHalf).toBeLessThan(83)
  })
})

describe('lift and its 95% interval', () => {
  it('a real lift, computed by hand', () => {
    // contacted 270/900 = 0.3, hold-out 10/100 = 0.1: lift 0.2
    // se = sqrt(0.3*0.7/900 + 0.1*0.9/100) = sqrt(0.000233333 + 0.0009) = 0.0336650
    // 1.959964 * se = 0.0659822 -> [0.1340178, 0.2659822]
    const r = proportionLift(270, 900, 10, 100)
    expect(r.lift).toBeCloseTo(0.2, 12)
    expect(r.ci95?.[0]).toBeCloseTo(0.1340178, 6)
    expect(r.ci95?.[1]).toBeCloseTo(0.2659822, 6)
    expect(r.verdict).toBe('real_up')
  })

  it('an interval that spans 0 is "could be chance"', () => {
    // 30/100 vs 10/50: lift 0.1, se = sqrt(0.0021 + 0.0032) = 0.0728011, half width 0.1426876
    const r = proportionLift(30, 100, 10, 50)
    expect(r.lift).toBeCloseTo(0.1, 12)
    expect(r.ci95?.[0]).toBeCloseTo(-0.0426876, 6)
    expect(r.ci95?.[1]).toBeCloseTo(0.2426876, 6)
    expect(r.verdict).toBe('chance')
  })

  it('a real drop, and nothing to say without a hold-out', () => {
    expect(proportionLift(10, 100, 60, 100).verdict).toBe('real_down')
    expect(proportionLift(10, 100, 0, 0)).toEqual({ lift: null, ci95: null, verdict: 'too_few' })
  })

  it('revenue per customer: difference of means with Welch standard error', () => {
    // a: mean 200, sample variance ((100)^2*2 + 0)/2 = 10000; b: mean 100, variance 0 for [100,100,100]
    // se = sqrt(10000/3 + 0) = 57.735; half width 113.1586 -> [-13.1586, 213.1586]
    const r = meanLift([100, 200, 300], [100, 100, 100])
    expect(r.lift).toBeCloseTo(100, 9)
    expect(r.ci95?.[0]).toBeCloseTo(-13.1586, 3)
    expect(r.ci95?.[1]).toBeCloseTo(213.1586, 3)
    expect(r.verdict).toBe('chance')
  })
})
