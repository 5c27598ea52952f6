import { conditionalExpectedPurchases, type BgNbdParams } from './bgnbd'

// Customer lifetime value over a horizon: expected purchases from BG/NBD month by month, times the expected
// spend per purchase from Gamma-Gamma, each month discounted to today. It is revenue, not profit: multiply by
// the shop's margin to get profit.

export interface ClvOptions {
  /** How far ahead, in days (default 365). */
  horizonDays: number
  /** Yearly discount rate, e.g. 0.1 = 10 % (default 0.1). */
  annualDiscountRate: number
  /** Days per model time unit (1 when the model was fitted in days, 7 in weeks). */
  unitDays: number
}

export const DEFAULT_CLV_OPTIONS: ClvOptions = { horizonDays: 365, annualDiscountRate: 0.1, unitDays: 1 }

const DAYS_PER_YEAR = 365.25
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12

/**
 * Σ over months k of (E[Y(t_k)] - E[Y(t_{k-1})]) / (1 + rate)^(t_k / 365.25): discounted expected purchases,
 * each month's purchases counted at the month's end (the last month is cut at the horizon).
 */
export function discountedPurchases(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  options: ClvOptions,
): number {
  return discountedWith((t) => conditionalExpectedPurchases(params, t, x, tx, T), options)
}

/** The month ends of the horizon (in model time units) and what money grows by until each (the discount). */
export function clvMonths(options: ClvOptions): { times: number[]; growth: number[] } {
  const months = Math.ceil(options.horizonDays / DAYS_PER_MONTH - 1e-9)
  const times: number[] = []
  const growth: number[] = []
  for (let k = 1; k <= months; k++) {
    const days = Math.min(k * DAYS_PER_MONTH, options.horizonDays)
    times.push(days / options.unitDays)
    growth.push(Math.pow(1 + options.annualDiscountRate, days / DAYS_PER_YEAR))
  }
  return { times, growth }
}

/** discountedPurchases with E[Y(t)] given as a function of t (model time units). */
export function discountedWith(
  expectedAt: (t: number, month: number) => number,
  options: ClvOptions,
): number {
  const { times, growth } = clvMonths(options)
  let total = 0
  let previous = 0
  times.forEach((t, k) => {
    const expected = expectedAt(t, k)
    total += (expected - previous) / (growth[k] ?? 1)
    previous = expected
  })
  return total
}

/** CLV in money units of `spend` (the expected spend per purchase). */
export function customerLifetimeValue(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  spend: number,
  options: ClvOptions = DEFAULT_CLV_OPTIONS,
): number {
  return spend * discountedPurchases(params, x, tx, T, options)
}
