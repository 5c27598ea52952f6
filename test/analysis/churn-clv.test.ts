import { describe, expect, it } from 'vitest'
import { conditionalExpectedPurchases, type BgNbdParams } from '../../src/main/analysis/bgnbd'
import {
  churnLevelOf,
  explainChurn,
  probabilityNoPurchase,
  rhythmScore,
  shopInterval,
  usualInterval,
  type ChurnFacts,
} from '../../src/main/analysis/churn'
import { customerLifetimeValue } from '../../src/main/analysis/clv'

const facts = (over: Partial<ChurnFacts>): ChurnFacts => ({
  risk: null,
  pAlive: null,
  purchaseDays: 4,
  usualIntervalDays: 10,
  daysSinceLast: 5,
  lastPurchase: '2026-03-26',
  shopIntervalDays: 20,
  ...over,
})

describe('churn score and level', () => {
  it('derives the level from the score alone: high from 0.9, medium from 0.7', () => {
    expect(churnLevelOf(0.69999)).toBe('low')
    expect(churnLevelOf(0.7)).toBe('medium')
    expect(churnLevelOf(0.89999)).toBe('medium')
    expect(churnLevelOf(0.9)).toBe('high')
    expect(churnLevelOf(null)).toBe('low')
    // the explanation takes the stored score, whatever the rhythm says
    expect(explainChurn(facts({ risk: 0.95, daysSinceLast: 0 })).level).toBe('high')
    expect(explainChurn(facts({ risk: 0.1, daysSinceLast: 400 })).level).toBe('low')
  })

  it('is the chance of no purchase in the horizon: P(dead) + P(alive) x the NBD zero term', () => {
    const params: BgNbdParams = { r: 0.5, alpha: 30, a: 0.8, b: 4 }
    // a one-time buyer cannot be "dead" in BG/NBD, so only the purchase rate speaks
    expect(probabilityNoPurchase(params, 90, 0, 0, 100)).toBeCloseTo(Math.pow(130 / 220, 0.5), 12)
    const p = probabilityNoPurchase(params, 90, 3, 20, 200)
    const alive = 1 / (1 + (0.8 / (4 + 2)) * Math.pow(230 / 50, 3.5))
    expect(p).toBeCloseTo(1 - alive + alive * Math.pow(230 / 320, 3.5), 12)
    // a longer silence raises it; a longer horizon lowers it (more time to buy)
    expect(probabilityNoPurchase(params, 90, 3, 20, 300)).toBeGreaterThan(p)
    expect(probabilityNoPurchase(params, 180, 3, 20, 200)).toBeLessThan(p)
  })

  it('falls back to the rhythm without a model: medium from 1.5 gaps late, high from about 2.9', () => {
    expect(rhythmScore(null)).toBeNull()
    expect(rhythmScore(0)).toBe(0)
    expect(churnLevelOf(rhythmScore(1.49))).toBe('low')
    expect(churnLevelOf(rhythmScore(1.5))).toBe('medium')
    expect(churnLevelOf(rhythmScore(2.8))).toBe('medium')
    expect(churnLevelOf(rhythmScore(2.9))).toBe('high')
    // without a model the score is no probability, so no "chance" sentence
    const e = explainChurn(facts({ risk: rhythmScore(4), pAlive: null, daysSinceLast: 40 }))
    expect(e.level).toBe('high')
    expect(e.text.en).toBe(
      'Usually buys every 10 days; last seen 40 days ago; that is 4.0 times the usual gap.',
    )
  })

  it('explains a repeat buyer with their rhythm and the chance that decides the level', () => {
    const e = explainChurn(facts({ usualIntervalDays: 12, daysSinceLast: 45, pAlive: 0.2, risk: 0.93 }))
    expect(e).toMatchObject({
      level: 'high',
      kind: 'rhythm',
      usualIntervalDays: 12,
      daysSinceLast: 45,
      overdueRatio: 3.75,
      horizonDays: 90,
    })
    expect(e.text.en).toBe(
      'Usually buys every 12 days; last seen 45 days ago; that is 3.8 times the usual gap. Chance of buying again in the next 90 days: 7%.',
    )
    expect(e.text.th).toBe(
      'ปกติซื้อทุก 12 วัน มาครั้งล่าสุดเมื่อ 45 วันก่อน นานกว่าปกติ 3.8 เท่า โอกาสที่จะกลับมาซื้อภายใน 90 วันข้างหน้า 7%',
    )
    expect(
      explainChurn(
        facts({ purchaseDays: 1, usualIntervalDays: null, daysSinceLast: 0, risk: 0.5, pAlive: 1 }),
      ).text.en,
    ).toBe(
      'Bought once, today; customers here usually come back within 20 days. Chance of buying again in the next 90 days: 50%.',
    )
  })

  it('gives a two-purchase customer no rhythm: it says the rhythm is not known yet', () => {
    // the case of the issue: two purchase days one day apart, last seen 372 days ago
    const e = explainChurn(
      facts({ purchaseDays: 2, usualIntervalDays: 1, daysSinceLast: 372, pAlive: 0.99, risk: 0.97 }),
    )
    expect(e.kind).toBe('rhythm_unknown')
    expect(e.usualIntervalDays).toBeNull()
    expect(e.overdueRatio).toBeCloseTo(372 / 20, 12) // against the shop's gap, not a one-day "rhythm"
    expect(e.text.en).toBe(
      'Bought on 2 separate days, the last 372 days ago; too few purchases to know their rhythm yet; customers here usually come back within 20 days; that is 18.6 times the usual gap. Chance of buying again in the next 90 days: 3%.',
    )
    expect(e.text.en).not.toMatch(/every|Chance still active/)
    expect(usualInterval(2, 100, 101)).toBeNull()
  })

  it('never says "N times the usual gap" beside a low level', () => {
    const e = explainChurn(facts({ usualIntervalDays: 10, daysSinceLast: 40, risk: 0.3, pAlive: 0.8 }))
    expect(e.level).toBe('low')
    expect(e.overdueRatio).toBe(4)
    expect(e.text.en).toBe(
      'Usually buys every 10 days; last seen 40 days ago. Chance of buying again in the next 90 days: 70%.',
    )
  })

  it('computes usual gaps (three purchase days or more) and the shop median', () => {
    expect(usualInterval(3, 100, 157)).toBe(28.5)
    expect(usualInterval(1, 100, 100)).toBeNull()
    expect(shopInterval([null, 10, 30, 20])).toBe(20)
    expect(shopInterval([10, 40, null, 20, 30])).toBe(25)
    expect(shopInterval([null])).toBeNull()
  })
})

describe('customer lifetime value', () => {
  const params: BgNbdParams = { r: 0.5, alpha: 30, a: 0.8, b: 4 }

  it('without discounting is expected spend times expected purchases over the horizon', () => {
    for (const [x, tx, T] of [
      [0, 0, 100],
      [3, 80, 120],
      [12, 300, 310],
    ] as const) {
      const clv = customerLifetimeValue(params, x, tx, T, 250, {
        horizonDays: 365,
        annualDiscountRate: 0,
        unitDays: 1,
      })
      expect(clv).toBeCloseTo(250 * conditionalExpectedPurchases(params, 365, x, tx, T), 9)
    }
  })

  it('discounts each month at the yearly rate', () => {
    const options = { horizonDays: 90, annualDiscountRate: 0.12, unitDays: 1 }
    const month = 365.25 / 12
    const e = (d: number): number => conditionalExpectedPurchases(params, d, 3, 80, 120)
    const byHand =
      (e(month) - 0) / Math.pow(1.12, month / 365.25) +
      (e(2 * month) - e(month)) / Math.pow(1.12, (2 * month) / 365.25) +
      (e(90) - e(2 * month)) / Math.pow(1.12, 90 / 365.25)
    expect(customerLifetimeValue(params, 3, 80, 120, 100, options)).toBeCloseTo(100 * byHand, 9)
    expect(customerLifetimeValue(params, 3, 80, 120, 100, options)).toBeLessThan(100 * e(90))
  })

  it('gives the same value whatever the model time unit', () => {
    const weeks: BgNbdParams = { ...params, alpha: params.alpha / 7 }
    const days = customerLifetimeValue(params, 3, 77, 119, 100, {
      horizonDays: 365,
      annualDiscountRate: 0.1,
      unitDays: 1,
    })
    const inWeeks = customerLifetimeValue(weeks, 3, 11, 17, 100, {
      horizonDays: 365,
      annualDiscountRate: 0.1,
      unitDays: 7,
    })
    expect(inWeeks).toBeCloseTo(days, 9)
  })
})
