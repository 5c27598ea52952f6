import { describe, expect, it } from 'vitest'
import { conditionalExpectedPurchases, type BgNbdParams } from '../../src/main/analysis/bgnbd'
import {
  churnLevel,
  explainChurn,
  shopInterval,
  usualInterval,
  type ChurnFacts,
} from '../../src/main/analysis/churn'
import { customerLifetimeValue } from '../../src/main/analysis/clv'

const facts = (over: Partial<ChurnFacts>): ChurnFacts => ({
  pAlive: null,
  purchaseDays: 4,
  usualIntervalDays: 10,
  daysSinceLast: 5,
  lastPurchase: '2026-03-26',
  shopIntervalDays: 20,
  ...over,
})

describe('churn risk', () => {
  it('takes the customer rhythm: 1.5 usual gaps late is medium, 3 is high', () => {
    expect(churnLevel(facts({ daysSinceLast: 14 }))).toBe('low')
    expect(churnLevel(facts({ daysSinceLast: 15 }))).toBe('medium')
    expect(churnLevel(facts({ daysSinceLast: 29 }))).toBe('medium')
    expect(churnLevel(facts({ daysSinceLast: 30 }))).toBe('high')
  })

  it('takes P(alive): below 0.6 is medium, below 0.3 high, whichever view is worse wins', () => {
    expect(churnLevel(facts({ pAlive: 0.6 }))).toBe('low')
    expect(churnLevel(facts({ pAlive: 0.59 }))).toBe('medium')
    expect(churnLevel(facts({ pAlive: 0.29 }))).toBe('high')
    expect(churnLevel(facts({ pAlive: 0.95, daysSinceLast: 40 }))).toBe('high')
  })

  it("measures a one-time buyer against the shop's usual gap", () => {
    const once = facts({ purchaseDays: 1, usualIntervalDays: null, pAlive: 1 })
    expect(churnLevel({ ...once, daysSinceLast: 29 })).toBe('low')
    expect(churnLevel({ ...once, daysSinceLast: 30 })).toBe('medium')
    expect(churnLevel({ ...once, daysSinceLast: 60 })).toBe('high')
    expect(churnLevel({ ...once, daysSinceLast: 600, shopIntervalDays: null })).toBe('low') // no yardstick
  })

  it('explains itself with numbers the UI can format, and in both languages', () => {
    const e = explainChurn(facts({ usualIntervalDays: 12, daysSinceLast: 45, pAlive: 0.2 }))
    expect(e).toMatchObject({
      level: 'high',
      kind: 'rhythm',
      usualIntervalDays: 12,
      daysSinceLast: 45,
      overdueRatio: 3.75,
    })
    expect(e.risk).toBeCloseTo(0.8, 12)
    expect(e.text.en).toBe(
      'Usually buys every 12 days; last seen 45 days ago; that is 3.8 times the usual gap. Chance still active: 20%.',
    )
    expect(e.text.th).toBe('ปกติซื้อทุก 12 วัน มาครั้งล่าสุดเมื่อ 45 วันก่อน นานกว่าปกติ 3.8 เท่า โอกาสที่ยังเป็นลูกค้าอยู่ 20%')
    expect(explainChurn(facts({ purchaseDays: 1, usualIntervalDays: null, daysSinceLast: 0 })).text.en).toBe(
      'Bought once, today; customers here usually come back within 20 days.',
    )
  })

  it('computes usual gaps and the shop median', () => {
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
