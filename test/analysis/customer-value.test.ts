import { describe, expect, it } from 'vitest'
import { fitModels, predictCustomer } from '../../src/main/analysis/customer-value'
import type { ModelInput } from '../../src/main/analysis/model-input'

const options = { horizonDays: 365, annualDiscountRate: 0.1, unitDays: 1 }

function customers(n: number, repeat: (i: number) => Partial<ModelInput>): ModelInput[] {
  return Array.from({ length: n }, (_, i) => ({ x: 0, tx: 0, T: 100 + i, repeatMean: 0, ...repeat(i) }))
}

describe('fitting the shop models', () => {
  it('explains, instead of failing, when there is too little history', () => {
    const models = fitModels(customers(9, (i) => (i < 5 ? { x: 2, tx: 40, repeatMean: 100 } : {})))
    expect(models).toMatchObject({ bgnbd: null, gammaGamma: null, spendFallback: null })
    expect(models.note).toMatch(/9 customers, 5 of them repeat buyers \(need at least 10 and 3\)/)
    expect(predictCustomer(models, { x: 2, tx: 40, T: 100, repeatMean: 100 }, options)).toEqual({
      pAlive: null,
      expected30: null,
      expected90: null,
      expected365: null,
      expectedSpendSatang: null,
      clvSatang: null,
    })
  })

  it("falls back to the shop's mean repeat-purchase value when Gamma-Gamma cannot be fitted", () => {
    // four repeat buyers, but only one with a positive spend: Gamma-Gamma needs two
    const inputs = customers(40, (i) =>
      i < 4
        ? { x: 2 + i, tx: 30 + 10 * i, repeatMean: i === 0 ? 150 : 0 }
        : i < 20
          ? { x: 1, tx: 20 + i }
          : {},
    )
    const models = fitModels(inputs)
    expect(models.bgnbd).not.toBeNull()
    expect(models.gammaGamma).toBeNull()
    expect(models.spendFallback).toBe(150)
    expect(models.note).toMatch(
      /Gamma-Gamma: .*two repeat buyers.*mean repeat-purchase value \(150\.00 baht\)/,
    )
    const value = predictCustomer(models, { x: 3, tx: 60, T: 120, repeatMean: 0 }, options)
    expect(value.expectedSpendSatang).toBe(15000)
    expect(value.clvSatang).toBeGreaterThan(0)
  })
})
