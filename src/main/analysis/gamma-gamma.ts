import { ModelFitError } from './bgnbd'
import { newtonMinimize } from './newton'
import { minimize } from './optimize'
import { digamma, lgamma, trigamma } from './special'

// Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value";
// Colombo & Jiang 1999). A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across
// customers; the model is fitted on repeat buyers only, from x (repeat transactions) and m (their mean value),
// and assumes spend is independent of purchase frequency.

export interface GammaGammaParams {
  p: number
  q: number
  gamma: number
}

export interface SpendData {
  /** Repeat transactions per customer (> 0). */
  x: ArrayLike<number>
  /** Mean value of those transactions (> 0). */
  m: ArrayLike<number>
}

export interface GammaGammaFit {
  params: GammaGammaParams
  logLikelihood: number
  customers: number
  iterations: number
}

export interface Prepared {
  /** Per customer: x and the total x·m of their repeat transactions (the only per-customer terms left). */
  x: Float64Array
  xm: Float64Array
  /** Per distinct x: the value, how many customers have it, and the sum of their ln m. */
  distinctX: Float64Array
  count: Float64Array
  sumLogM: Float64Array
  /** Σ x ln x + ... the constant parts: Σ_i x_i ln x_i. */
  sumXLogX: number
}

/** The data arranged for the likelihood (exported for the tests of its derivatives). */
export function prepareSpend(data: SpendData): Prepared {
  const n = data.x.length
  if (data.m.length !== n) throw new RangeError('x and m must have one value per customer')
  const x = new Float64Array(n)
  const xm = new Float64Array(n)
  const distinct = new Map<number, number>()
  const count: number[] = []
  const sumLogM: number[] = []
  let sumXLogX = 0
  for (let i = 0; i < n; i++) {
    const xi = data.x[i] ?? 0
    const mi = data.m[i] ?? 0
    if (!(xi > 0)) throw new RangeError(`customer ${i}: Gamma-Gamma needs x > 0, got ${xi}`)
    if (!(mi > 0)) throw new RangeError(`customer ${i}: Gamma-Gamma needs a positive mean spend, got ${mi}`)
    x[i] = xi
    xm[i] = xi * mi
    let at = distinct.get(xi)
    if (at === undefined) {
      at = distinct.size
      distinct.set(xi, at)
      count.push(0)
      sumLogM.push(0)
    }
    count[at] = (count[at] ?? 0) + 1
    sumLogM[at] = (sumLogM[at] ?? 0) + Math.log(mi)
    sumXLogX += xi * Math.log(xi)
  }
  return {
    x,
    xm,
    distinctX: Float64Array.from(distinct.keys()),
    count: Float64Array.from(count),
    sumLogM: Float64Array.from(sumLogM),
    sumXLogX,
  }
}

/**
 * The Gamma-Gamma log-likelihood of the observed mean spends, its gradient in (ln p, ln q, ln γ) and, with
 * `withHessian`, its Hessian (3 x 3, row-major) in the same. Per customer
 *   ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln γ + (px-1) ln m + px ln x - (px+q) ln(γ + x m),
 * so everything but ln(γ + x m) is summed once per distinct x; the customers' pass is one log and one
 * division each.
 */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  data: Prepared,
  withHessian = false,
): { value: number; gradient: Float64Array; hessian?: Float64Array } {
  const { p, q, gamma } = params
  const N = data.x.length
  const logGamma = Math.log(gamma)
  const lgQ = lgamma(q)
  const dgQ = digamma(q)
  const tgQ = withHessian ? trigamma(q) : 0
  let ll = p * data.sumXLogX
  let gp = data.sumXLogX
  let gq = 0
  let hpp = 0
  let hpq = 0
  let hqq = 0
  for (let j = 0; j < data.distinctX.length; j++) {
    const x = data.distinctX[j] ?? 0
    const c = data.count[j] ?? 0
    const logM = data.sumLogM[j] ?? 0
    const px = p * x
    const dPxQ = digamma(px + q)
    const dPx = digamma(px)
    ll += c * (lgamma(px + q) - lgamma(px) - lgQ + q * logGamma) + (px - 1) * logM
    gp += x * (c * (dPxQ - dPx) + logM)
    gq += c * (dPxQ - dgQ + logGamma)
    if (withHessian) {
      const tPxQ = trigamma(px + q)
      hpp += c * x * x * (tPxQ - trigamma(px))
      hpq += c * x * tPxQ
      hqq += c * (tPxQ - tgQ)
    }
  }
  // the customers' pass: Σ (px+q) ln D and its derivatives, D = γ + x m
  let sXL = 0
  let sL = 0
  let sXI = 0
  let sI = 0
  let sXI2 = 0
  let sI2 = 0
  for (let i = 0; i < N; i++) {
    const x = data.x[i] ?? 0
    const D = gamma + (data.xm[i] ?? 0)
    const L = Math.log(D)
    const I = 1 / D
    sXL += x * L
    sL += L
    sXI += x * I
    sI += I
    if (withHessian) {
      sXI2 += x * I * I
      sI2 += I * I
    }
  }
  ll -= p * sXL + q * sL
  gp -= sXL
  gq -= sL
  const gg = (N * q) / gamma - p * sXI - q * sI
  const gradient = Float64Array.of(gp * p, gq * q, gg * gamma)
  if (!withHessian) return { value: ll, gradient }
  const raw = [
    [hpp, hpq, -sXI],
    [hpq, hqq, N / gamma - sI],
    [-sXI, N / gamma - sI, (-N * q) / (gamma * gamma) + p * sXI2 + q * sI2],
  ]
  const values = [p, q, gamma]
  const gRaw = [gp, gq, gg]
  const hessian = new Float64Array(9)
  for (let j = 0; j < 3; j++) {
    for (let k = 0; k < 3; k++) {
      // to the log parameters: p_j p_k ∂²/∂p_j∂p_k + [j = k] p_j ∂/∂p_j
      hessian[j * 3 + k] =
        (values[j] ?? 0) * (values[k] ?? 0) * (raw[j]?.[k] ?? 0) +
        (j === k ? (values[j] ?? 0) * (gRaw[j] ?? 0) : 0)
    }
  }
  return { value: ll, gradient, hessian }
}

/** Above this many repeat buyers the fit starts from a fit on a sample of about SAMPLE_BUYERS of them. */
const WARM_START_BUYERS = 8_000
const SAMPLE_BUYERS = 4_000

/** Fits Gamma-Gamma by maximum likelihood on repeat buyers (x > 0, m > 0). */
export function fitGammaGamma(data: SpendData): GammaGammaFit {
  const prepared = prepareSpend(data)
  const n = prepared.x.length
  if (n < 2) throw new ModelFitError('Gamma-Gamma needs at least two repeat buyers.')
  let meanM = 0
  for (let i = 0; i < n; i++) meanM += (prepared.xm[i] ?? 0) / (prepared.x[i] ?? 1) / n
  // Start at p = 1, q = 2 (finite mean) with γ on the spend's own scale: the model is scale-invariant in γ.
  const start = [0, Math.log(2), Math.log(meanM)]
  const fromLog = (v: Float64Array): GammaGammaParams => ({
    p: Math.exp(v[0] ?? 0),
    q: Math.exp(v[1] ?? 0),
    gamma: Math.exp(v[2] ?? 0),
  })
  // Newton with the exact Hessian (newton.ts); L-BFGS from the same start when that does not converge. On
  // many buyers, Newton starts from a fit on every k-th of them (cheap, and it warms up the JIT).
  const newtonFit = (data: Prepared, from: number[], gradientTolerance: number) => {
    const count = data.x.length
    const negate = (v: Float64Array) => v.map((g) => -g / count)
    return newtonMinimize(
      (v) => {
        const { value, gradient, hessian } = gammaGammaLogLikelihood(fromLog(v), data, true)
        return {
          value: -value / count,
          gradient: negate(gradient),
          hessian: negate(hessian ?? new Float64Array(9)),
        }
      },
      from,
      { gradientTolerance },
    )
  }
  let from = start
  if (n > WARM_START_BUYERS) {
    const every = Math.ceil(n / SAMPLE_BUYERS)
    const pick = (v: ArrayLike<number>) =>
      Float64Array.from({ length: Math.ceil(n / every) }, (_, j) => v[j * every] ?? 0)
    const x = pick(data.x)
    try {
      const warm = newtonFit(prepareSpend({ x, m: pick(data.m) }), start, 1e-6)
      if (warm.converged) from = [...warm.x]
    } catch {
      // the sample is only a starting point: the full fit below decides
    }
  }
  const negate = (v: Float64Array) => v.map((g) => -g / n)
  const newton = newtonFit(prepared, from, 1e-9)
  const result = newton.converged
    ? newton
    : minimize(
        (v) => {
          const { value, gradient } = gammaGammaLogLikelihood(fromLog(v), prepared)
          return { value: -value / n, gradient: negate(gradient) }
        },
        start,
        { gradientTolerance: 1e-9 },
      )
  if (!result.converged) {
    throw new ModelFitError(
      `Gamma-Gamma did not converge (${result.reason} after ${result.iterations} iterations).`,
    )
  }
  const params = fromLog(result.x)
  if (params.q <= 1) {
    throw new ModelFitError(
      `Gamma-Gamma fitted q = ${params.q.toPrecision(3)} <= 1: spend per purchase has no finite average under it.`,
    )
  }
  return { params, logLikelihood: -result.value * n, customers: n, iterations: result.iterations }
}

/**
 * E[M | x, m]: a customer's expected spend per future transaction, a weighted mean of the population mean
 * p γ / (q - 1) and the customer's own mean m (weight grows with x). For x = 0 it is the population mean.
 */
export function expectedSpend(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params
  if (x <= 0) return (p * gamma) / (q - 1)
  return ((gamma + m * x) * p) / (p * x + q - 1)
}
