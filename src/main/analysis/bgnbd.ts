import { compress } from './bgnbd-groups'
import { bgnbdEvaluate, type Groups } from './bgnbd-likelihood'
import { newtonMinimize } from './newton'
import { minimize, type MinimizeResult } from './optimize'
import { hyp2f1, NotConvergedError } from './special'

// BG/NBD ("beta-geometric / negative binomial distribution") model of repeat buying, Fader, Hardie & Lee (2005),
// "Counting your customers the easy way". While alive a customer buys at Poisson rate λ ~ Gamma(r, α); after
// each purchase they drop out with probability p ~ Beta(a, b). Per customer only (x, t_x, T) matter:
// x = repeat purchases (purchase days after the first), t_x = time of the last purchase and T = time of the
// end of the calibration period, both measured from the customer's first purchase, in one time unit.

export interface BgNbdParams {
  r: number
  alpha: number
  a: number
  b: number
}

export { compress }

export interface RepeatData {
  x: ArrayLike<number>
  tx: ArrayLike<number>
  T: ArrayLike<number>
}

export interface BgNbdFit {
  params: BgNbdParams
  /** Total log-likelihood at the fitted parameters (comparable with lifetimes and CLVTools). */
  logLikelihood: number
  customers: number
  /** Distinct (x, t_x, T) combinations the likelihood was evaluated on. */
  groups: number
  iterations: number
}

/** Raised when a model cannot be fitted to the data (too little data, or the optimiser did not converge). */
export class ModelFitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ModelFitError'
  }
}

const fromLog = (v: Float64Array): BgNbdParams => ({
  r: Math.exp(v[0] ?? 0),
  alpha: Math.exp(v[1] ?? 0),
  a: Math.exp(v[2] ?? 0),
  b: Math.exp(v[3] ?? 0),
})

/**
 * The maximum of the mean log-likelihood over the log parameters: Newton's method with the exact Hessian
 * (newton.ts), and L-BFGS from the same start when that does not converge (a safety net: the fit's result
 * is the same optimum, only slower to reach).
 */
function fitLogParams(groups: Groups, start: number[]): MinimizeResult {
  // warm start: on a large shop, fit every k-th group first (a few thousand: cheap, and it warms up the
  // JIT), so the full data needs only the last few Newton steps
  let from = start
  if (groups.x.length > WARM_START_GROUPS) {
    const sample = sampleGroups(groups, Math.ceil(groups.x.length / SAMPLE_GROUPS))
    if (sample.maxX > 0 && sample.total >= 2) {
      const warm = newtonFit(sample, start, 1e-6)
      if (warm.converged) from = [...warm.x]
    }
  }
  const newton = newtonFit(groups, from, 1e-9)
  if (newton.converged) return newton
  const scale = 1 / groups.total
  return minimize(
    (v) => {
      const { value, gradient } = bgnbdEvaluate(fromLog(v), groups)
      return { value: -value * scale, gradient: gradient.map((g) => -g * scale) }
    },
    start,
    { gradientTolerance: 1e-9 },
  )
}

/** Above this many groups the fit starts from a fit on a sample of about SAMPLE_GROUPS of them. */
const WARM_START_GROUPS = 8_000
const SAMPLE_GROUPS = 4_000

function newtonFit(groups: Groups, start: number[], gradientTolerance: number): MinimizeResult {
  const scale = 1 / groups.total
  const negate = (v: Float64Array) => v.map((g) => -g * scale)
  return newtonMinimize(
    (v) => {
      const { value, gradient, hessian } = bgnbdEvaluate(fromLog(v), groups, true)
      return {
        value: -value * scale,
        gradient: negate(gradient),
        hessian: negate(hessian ?? new Float64Array(16)),
      }
    },
    start,
    { gradientTolerance },
  )
}

/** Every k-th group with its weight (the groups are spread over x and T, so this is a spread sample). */
function sampleGroups(groups: Groups, every: number): Groups {
  const pick: number[] = []
  for (let g = 0; g < groups.x.length; g += every) pick.push(g)
  const x = Int32Array.from(pick, (g) => groups.x[g] ?? 0)
  const weight = Float64Array.from(pick, (g) => groups.weight[g] ?? 0)
  return {
    x,
    tx: Float64Array.from(pick, (g) => groups.tx[g] ?? 0),
    T: Float64Array.from(pick, (g) => groups.T[g] ?? 0),
    weight,
    maxX: x.reduce((m, v) => Math.max(m, v), 0),
    total: weight.reduce((s, w) => s + w, 0),
    times: groups.times,
    txIndex: Int32Array.from(pick, (g) => groups.txIndex[g] ?? 0),
    TIndex: Int32Array.from(pick, (g) => groups.TIndex[g] ?? 0),
  }
}

/** Fits BG/NBD by maximum likelihood (Newton, else L-BFGS, on the log parameters; mean negative log-likelihood). */
export function fitBgNbd(data: RepeatData | Groups): BgNbdFit {
  const groups = 'weight' in data ? data : compress(data)
  if (groups.total < 2) throw new ModelFitError('BG/NBD needs at least two customers.')
  if (groups.maxX === 0) throw new ModelFitError('BG/NBD needs at least one customer with a repeat purchase.')
  let meanT = 0
  for (let i = 0; i < groups.T.length; i++)
    meanT += ((groups.T[i] ?? 0) * (groups.weight[i] ?? 0)) / groups.total
  // The likelihood is invariant to the time unit except through α, so α starts on the data's own scale.
  const start = [0, Math.log(Math.max(meanT, 1e-6)), 0, 0]
  const result = fitLogParams(groups, start)
  if (!result.converged) {
    throw new ModelFitError(
      `BG/NBD did not converge (${result.reason} after ${result.iterations} iterations); the purchase data may be too sparse.`,
    )
  }
  return {
    params: fromLog(result.x),
    logLikelihood: -result.value * groups.total,
    customers: groups.total,
    groups: groups.x.length,
    iterations: result.iterations,
  }
}

/** P(alive | x, t_x, T): the probability the customer has not dropped out by T. */
export function pAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1 // the model lets a customer drop out only right after a repeat purchase
  const { r, alpha, a, b } = params
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log((alpha + T) / (alpha + tx))
  return 1 / (1 + Math.exp(logOdds))
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t time units (FHL 2005, eq. 10):
 *   (a+b+x-1)/(a-1) · [1 - ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x-1; z)] · P(alive),  z = t/(α+T+t).
 * The 2F1 is first used in its Euler-transformed form (1-z)^(a-1-r-x) 2F1(a+b-1-r, a-1; a+b+x-1; z), which
 * cancels the ((α+T)/(α+T+t))^(r+x) factor exactly and keeps every term small even for customers with
 * hundreds of purchases. When a and b are large (a fit where dropping out is nearly certain or nearly
 * impossible) that form's terms overflow, and the formula as published converges instead (its series'
 * ratios tend to z (b+x)/(a+b+x-1) < z); so a NotConvergedError or an overflow there falls back to it.
 */
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0
  return expectedPurchasesIfAlive(params, t, x, T) * pAlive(nearA(params), x, tx, T)
}

/** The formula divides by (a - 1); the limit a -> 1 is finite, so it is evaluated just beside it. */
function nearA(params: BgNbdParams): BgNbdParams {
  return Math.abs(params.a - 1) < 1e-7 ? { ...params, a: 1 + 1e-7 } : params
}

/**
 * E[Y(t) | x, t_x, T] / P(alive | x, t_x, T): the part of eq. 10 that does not depend on t_x, so a run
 * computes its 2F1 once per (x, T, t) and shares it among every customer with that x and T whatever their t_x
 * (customer-value.ts): (a+b+x-1)/(a-1) · [1 - ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x-1; z)].
 */
export function expectedPurchasesIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0
  const { r, alpha, a, b } = nearA(params)
  const z = t / (alpha + T + t)
  const factor = (a + b + x - 1) / (a - 1)
  let bracket: number
  try {
    bracket = 1 - Math.pow(1 - z, a - 1) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)
    if (!Number.isFinite(bracket)) throw new NotConvergedError('the Euler-transformed 2F1 overflowed')
  } catch (error) {
    if (!(error instanceof NotConvergedError)) throw error
    // (α+T)/(α+T+t) = 1 - z
    bracket = 1 - Math.exp((r + x) * Math.log1p(-z)) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    if (!Number.isFinite(bracket)) {
      throw new NotConvergedError(`E[Y(${t})] for x = ${x}, T = ${T} overflowed in both forms`)
    }
  }
  return factor * bracket
}

/** E[X(t)]: expected purchases in (0, t] of a customer picked at random at the start (FHL 2005, eq. 9). */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  return conditionalExpectedPurchases(params, t, 0, 0, 0)
}
