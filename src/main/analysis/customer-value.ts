import type { Sqlite } from '../db'
import { compress, expectedPurchasesIfAlive, fitBgNbd, ModelFitError, pAlive, type BgNbdFit } from './bgnbd'
import type { GroupedData } from './bgnbd-groups'
import { clvMonths, type ClvOptions } from './clv'
import { addDays, dayNumber } from './dates'
import { expectedSpend, fitGammaGamma, type GammaGammaFit } from './gamma-gamma'
import { CustomerDaysBuilder, type CustomerDays, type ModelInput } from './model-input'
import { NotConvergedError } from './special'

// The shop's own data through BG/NBD and Gamma-Gamma. Choices (all documented in README.md):
// - time unit: days (unitDays = 1). Shops see customers every few days, and weeks would merge visits.
// - calibration period: all history up to the as-of date (inclusive); a purchase day is a calendar day with
//   at least one sale receipt whose net total is not 0 (a zero-total receipt is no purchase, as in RFM); x, t_x and T as in Fader, Hardie & Lee (see model-input.ts).
// - Gamma-Gamma input: the mean net sale total of the repeat purchase days, in baht. Refund receipts are left
//   out: the model describes the value of purchases, which must be positive, and it is fitted only on repeat
//   buyers whose mean is above zero. The RFM monetary figure is where refunds are subtracted.
// - predictions: P(alive), expected purchases in the next 30, 90 and 365 days, expected spend per purchase
//   (satang), and CLV over the horizon with the yearly discount rate (clv.ts).

export const MODEL_UNIT_DAYS = 1
export const MIN_CUSTOMERS_FOR_MODELS = 10
export const MIN_REPEAT_BUYERS_FOR_MODELS = 3

export interface FittedModels {
  bgnbd: BgNbdFit | null
  gammaGamma: GammaGammaFit | null
  /**
   * When Gamma-Gamma cannot be fitted: the shop's mean repeat-purchase value (baht) used as everyone's
   * expected spend. It is the model's own limit when customers do not differ in spend (q -> infinity),
   * the usual reason for the fit to fail.
   */
  spendFallback: number | null
  /** Why a model is missing; null when both fitted. */
  note: string | null
}

export interface CustomerValue {
  pAlive: number | null
  expected30: number | null
  expected90: number | null
  expected365: number | null
  expectedSpendSatang: number | null
  clvSatang: number | null
}

/**
 * Each customer's purchase days up to asOf (inclusive), from one pass over the sale receipts in customer and
 * time order (the covering index receipts_customer_activity; same-day receipts are summed by the builder).
 */
export function readCustomerDays(sqlite: Sqlite, asOf: string): Map<number, CustomerDays> {
  const endDay = dayNumber(asOf)
  const builder = new CustomerDaysBuilder<number>(endDay)
  const dayCache = new Map<string, number>()
  const rows = sqlite
    .prepare(
      `select customer_id, occurred_at, net_satang
         from receipts
        where kind = 'sale' and net_satang <> 0 and customer_id is not null and +occurred_at < ?
        order by customer_id, occurred_at`,
    )
    .raw()
    .iterate(addDays(asOf, 1)) as IterableIterator<[number, string, number]>
  for (const [customer, at, spend] of rows) {
    const date = at.slice(0, 10)
    let day = dayCache.get(date)
    if (day === undefined) {
      day = dayNumber(date)
      dayCache.set(date, day)
    }
    builder.add(customer, day, spend / 100) // baht
  }
  return builder.finish()
}

function describe(error: unknown): string {
  return error instanceof ModelFitError || error instanceof NotConvergedError || error instanceof RangeError
    ? error.message
    : String(error)
}

/** The model inputs of a run as columns (one entry per customer), as the run builds them. */
export interface ModelColumns {
  x: Float64Array
  tx: Float64Array
  T: Float64Array
  repeatMean: Float64Array
}

/** Fits both models, or explains why one cannot be fitted; never throws for lack of data. */
export function fitModels(inputs: ModelInput[]): FittedModels {
  return fitModelColumns({
    x: Float64Array.from(inputs, (c) => c.x),
    tx: Float64Array.from(inputs, (c) => c.tx),
    T: Float64Array.from(inputs, (c) => c.T),
    repeatMean: Float64Array.from(inputs, (c) => c.repeatMean),
  }).models
}

/**
 * fitModels on columns, also handing back the customers' (x, t_x, T) groups the BG/NBD fit used (null when
 * it did not get that far), so the run forecasts once per group (forecast-groups.ts).
 */
export function fitModelColumns(c: ModelColumns): { models: FittedModels; groups: GroupedData | null } {
  const n = c.x.length
  let repeat = 0
  let spenders = 0
  for (let i = 0; i < n; i++) {
    if ((c.x[i] as number) > 0) {
      repeat++
      if ((c.repeatMean[i] as number) > 0) spenders++
    }
  }
  if (n < MIN_CUSTOMERS_FOR_MODELS || repeat < MIN_REPEAT_BUYERS_FOR_MODELS) {
    return {
      models: {
        bgnbd: null,
        gammaGamma: null,
        spendFallback: null,
        note: `Too little purchase history for the CLV models: ${n} customers, ${repeat} of them repeat buyers (need at least ${MIN_CUSTOMERS_FOR_MODELS} and ${MIN_REPEAT_BUYERS_FOR_MODELS}).`,
      },
      groups: null,
    }
  }
  const notes: string[] = []
  let bgnbd: BgNbdFit | null = null
  let groups: GroupedData | null = null
  try {
    groups = compress(c)
    bgnbd = fitBgNbd(groups)
  } catch (error) {
    notes.push(`BG/NBD: ${describe(error)}`)
  }
  // repeat buyers with a positive mean, in customer order
  const sx = new Float64Array(spenders)
  const sm = new Float64Array(spenders)
  for (let i = 0, j = 0; i < n; i++) {
    const x = c.x[i] as number
    const m = c.repeatMean[i] as number
    if (x > 0 && m > 0) {
      sx[j] = x
      sm[j] = m
      j++
    }
  }
  let gammaGamma: GammaGammaFit | null = null
  try {
    gammaGamma = fitGammaGamma({ x: sx, m: sm })
  } catch (error) {
    notes.push(`Gamma-Gamma: ${describe(error)}`)
  }
  let spendFallback: number | null = null
  if (gammaGamma === null) {
    let transactions = 0
    let spend = 0
    for (let j = 0; j < spenders; j++) {
      transactions += sx[j] as number
      spend += (sx[j] as number) * (sm[j] as number)
    }
    spendFallback = transactions > 0 ? spend / transactions : null
    if (spendFallback !== null) {
      notes.push(
        `Expected spend per purchase is the shop's mean repeat-purchase value (${spendFallback.toFixed(2)} baht).`,
      )
    }
  }
  return { models: { bgnbd, gammaGamma, spendFallback, note: notes.length ? notes.join(' ') : null }, groups }
}

/**
 * One customer's predictions; nulls where a model is missing. When the expected-purchase formula cannot be
 * evaluated for this one customer (NotConvergedError, which bgnbd.ts raises only after trying both forms of
 * its 2F1), the customer keeps P(alive) and expected spend, their expected purchases and CLV are null, and
 * `failed` says so: the caller counts them into the run's note. An analysis never fails on one customer.
 */
export function predictCustomerSafely(
  models: FittedModels,
  input: ModelInput,
  clv: ClvOptions,
  cache?: ForecastCache,
): CustomerValue & { failed: boolean } {
  try {
    const value = predictCustomer(models, input, clv, cache)
    return {
      pAlive: value.pAlive,
      expected30: value.expected30,
      expected90: value.expected90,
      expected365: value.expected365,
      expectedSpendSatang: value.expectedSpendSatang,
      clvSatang: value.clvSatang,
      failed: false,
    }
  } catch (error) {
    if (!(error instanceof NotConvergedError)) throw error
    const bg = models.bgnbd?.params ?? null
    const gg = models.gammaGamma?.params ?? null
    const spendBaht = gg ? expectedSpend(gg, input.x, Math.max(0, input.repeatMean)) : models.spendFallback
    return {
      pAlive: bg ? pAlive(bg, input.x, input.tx, input.T) : null,
      expected30: null,
      expected90: null,
      expected365: null,
      expectedSpendSatang: spendBaht === null ? null : Math.round(spendBaht * 100),
      clvSatang: null,
      failed: true,
    }
  }
}

/** The purchase predictions of one (x, t_x, T): shared by every customer with the same history shape. */
interface PurchaseForecast {
  pAlive: number
  expected30: number
  expected90: number
  expected365: number
  /** Discounted expected purchases over the CLV horizon (CLV = spend x this). */
  discounted: number
}

/**
 * What a run computes once and shares. The 2F1 behind the expected purchases is the hottest part of a run,
 * and it depends on x and T but not on t_x (bgnbd.ts, expectedPurchasesIfAlive), so it is computed once per
 * (x, T) for every time the run needs (30, 90 and 365 days and the CLV month ends) and each customer
 * multiplies by their own P(alive); whole forecasts are also kept per (x, t_x, T), which customers share
 * often (every one-time buyer of the same first day). Measured on the 100k-customer bench: see
 * bench/README.md.
 */
export class ForecastCache {
  readonly shapes = new Map<number | string, PurchaseForecast>()
  readonly ifAlive = new Map<number | string, Float64Array>()
  /** The run's forecast times and CLV discounts, worked out once (they depend only on the CLV options). */
  private plan: { clv: ClvOptions; times: number[]; growth: number[] } | null = null

  months(clv: ClvOptions): { times: number[]; growth: number[] } {
    if (this.plan?.clv !== clv) {
      const months = clvMonths(clv)
      this.plan = { clv, times: forecastTimes(clv, months.times), growth: months.growth }
    }
    return this.plan
  }
}

/** The times (model units) a forecast needs: 30, 90 and 365 days, then the CLV month ends. */
const forecastTimes = (clv: ClvOptions, monthEnds: number[]): number[] => [
  30 / clv.unitDays,
  90 / clv.unitDays,
  365 / clv.unitDays,
  ...monthEnds,
]

/**
 * A map key for (x, T) or (x, t_x, T): one number when they are whole and below 2^16 (days: every shop's
 * case; a number key is hashed without building a string for each of 100,000 customers), else a text key.
 */
function shapeKey(x: number, tx: number, T: number): number | string {
  return Number.isInteger(x) &&
    Number.isInteger(tx) &&
    Number.isInteger(T) &&
    x >= 0 &&
    x < 65_536 &&
    tx >= 0 &&
    tx < 65_536 &&
    T >= 0 &&
    T < 65_536
    ? (x * 65_536 + tx) * 65_536 + T
    : `${x} ${tx} ${T}`
}

function forecast(
  bg: NonNullable<FittedModels['bgnbd']>['params'],
  input: ModelInput,
  clv: ClvOptions,
  cache: ForecastCache = new ForecastCache(),
): PurchaseForecast {
  const { x, tx, T } = input
  const key = shapeKey(x, tx, T)
  const known = cache.shapes.get(key)
  if (known) return known
  const { times: forecastAt, growth } = cache.months(clv)
  const xT = shapeKey(x, 0, T)
  let times = cache.ifAlive.get(xT)
  if (times === undefined) {
    times = Float64Array.from(forecastAt, (t) => expectedPurchasesIfAlive(bg, t, x, T))
    cache.ifAlive.set(xT, times)
  }
  const alive = pAlive(bg, x, tx, T)
  const nearA = Math.abs(bg.a - 1) < 1e-7 ? pAlive({ ...bg, a: 1 + 1e-7 }, x, tx, T) : alive
  // discountedWith's sum over the month ends, with the discounts worked out once per run
  let discounted = 0
  let previous = 0
  for (let k = 0; k < growth.length; k++) {
    const expected = (times[3 + k] ?? 0) * nearA
    discounted += (expected - previous) / (growth[k] ?? 1)
    previous = expected
  }
  const value: PurchaseForecast = {
    pAlive: alive,
    expected30: (times[0] ?? 0) * nearA,
    expected90: (times[1] ?? 0) * nearA,
    expected365: (times[2] ?? 0) * nearA,
    discounted,
  }
  cache.shapes.set(key, value)
  return value
}

/** One customer's predictions; nulls where a model is missing. */
export function predictCustomer(
  models: FittedModels,
  input: ModelInput,
  clv: ClvOptions,
  cache?: ForecastCache,
): CustomerValue {
  const bg = models.bgnbd?.params ?? null
  const gg = models.gammaGamma?.params ?? null
  const spendBaht = gg ? expectedSpend(gg, input.x, Math.max(0, input.repeatMean)) : models.spendFallback
  const f = bg ? forecast(bg, input, clv, cache) : null
  return {
    pAlive: f ? f.pAlive : null,
    expected30: f ? f.expected30 : null,
    expected90: f ? f.expected90 : null,
    expected365: f ? f.expected365 : null,
    expectedSpendSatang: spendBaht === null ? null : Math.round(spendBaht * 100),
    clvSatang: f && spendBaht !== null ? Math.round(spendBaht * f.discounted * 100) : null,
  }
}
