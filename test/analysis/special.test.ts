import { describe, expect, it } from 'vitest'
import { digamma, hyp2f1, lgamma, lgammaSigned, NotConvergedError } from '../../src/main/analysis/special'

const EULER_GAMMA = 0.5772156649015329

describe('lgamma', () => {
  it('matches closed forms', () => {
    expect(lgamma(1)).toBeCloseTo(0, 14)
    expect(lgamma(2)).toBeCloseTo(0, 14)
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14)
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12)
    expect(lgamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - EULER_GAMMA * 1e-8, 10)
  })

  it('satisfies ln Γ(x+1) = ln Γ(x) + ln x over a wide range', () => {
    for (const x of [0.01, 0.3, 0.7, 1.5, 3.3, 17.25, 123.4, 5000.5]) {
      expect(lgamma(x + 1) - lgamma(x)).toBeCloseTo(Math.log(x), 10)
    }
  })

  it('refuses a non-positive argument', () => {
    expect(() => lgamma(0)).toThrow(RangeError)
    expect(() => lgamma(-1)).toThrow(RangeError)
  })
})

describe('digamma', () => {
  it('matches closed forms', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 13)
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.log(2), 13)
    expect(digamma(2)).toBeCloseTo(1 - EULER_GAMMA, 13)
  })

  it('is the derivative of lgamma and satisfies ψ(x+1) = ψ(x) + 1/x', () => {
    for (const x of [0.05, 0.8, 2.5, 9.99, 10.01, 42, 1000]) {
      const h = 1e-5 * Math.max(1, x)
      expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 5)
      expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 12)
    }
  })
})

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    for (const z of [0.001, 0.3, 0.75, 0.95, 0.995]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12)
      expect(hyp2f1(2.5, 0.7, 0.7, z) / Math.pow(1 - z, -2.5)).toBeCloseTo(1, 12)
      const s = Math.sqrt(z)
      expect(hyp2f1(0.5, 0.5, 1.5, z)).toBeCloseTo(Math.asin(s) / s, 12)
    }
    expect(hyp2f1(1, 1, 2, -0.5)).toBeCloseTo(Math.log(1.5) / 0.5, 12)
  })

  it('stops at a terminating series (a non-positive integer parameter)', () => {
    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z²/(c(c+1))
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(1 - (2 * 3 * 0.5) / 4 + (3 * 4 * 0.25) / (4 * 5), 14)
  })

  it('converges near z = 1 through the transformation to 1 - z', () => {
    // 2F1(1, 1; 3/2; z) = asin(√z) / √(z (1 - z)): the plain series would need billions of terms here
    for (const z of [0.9, 0.99, 1 - 1e-6, 1 - 1e-9]) {
      const closed = Math.asin(Math.sqrt(z)) / Math.sqrt(z * (1 - z))
      expect(hyp2f1(1, 1, 1.5, z) / closed).toBeCloseTo(1, 11)
    }
    // where both converge, the transformation agrees with the series (which the z <= 0.9 branch uses)
    for (const [a, b, c] of [
      [2.2, 0.5, 2.5],
      [0.3, 5.7, 8.1],
      [4.1, -0.6, 3.2],
      [1.2, -0.5, 1.5],
    ] as const) {
      const z = 0.9 + 1e-12
      expect(hyp2f1(a, b, c, z) / hyp2f1(a, b, c, 0.9 - 1e-12)).toBeCloseTo(1, 8)
    }
  })

  it('throws instead of returning a truncated sum when no form converges', () => {
    // c - a - b = 0 is a whole number: no 1 - z transformation, and the series needs ~1e9 terms
    expect(() => hyp2f1(1, 1, 2, 1 - 1e-9)).toThrow(NotConvergedError)
    expect(() => hyp2f1(1, 1, 2, 1 - 1e-9)).toThrow(/did not converge within/)
  })

  it('has a signed ln Γ for negative arguments', () => {
    expect(lgammaSigned(-0.5)).toEqual({
      log: expect.closeTo(Math.log(2 * Math.sqrt(Math.PI)), 12),
      sign: -1,
    })
    expect(lgammaSigned(-1.5)).toEqual({
      log: expect.closeTo(Math.log((4 / 3) * Math.sqrt(Math.PI)), 12),
      sign: 1,
    })
    expect(() => lgammaSigned(-2)).toThrow(RangeError)
  })

  it('refuses arguments outside its domain', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError)
    expect(() => hyp2f1(1, 1, -3, 0.5)).toThrow(RangeError)
  })
})
