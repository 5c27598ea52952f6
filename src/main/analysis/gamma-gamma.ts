import { ModelFitError } from './bgnbd'
import { minimize } from './optimize'
import { digamma, lgamma } from './special'

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

interface Prepared {
  x: Float64Array
  logX: Float64Array
  m: Float64Array
  logM: Float64Array
  /** Index of each customer's x in distinctX, so the gamma functions are computed once per distinct x. */
  xIndex: Int32Array
  distinctX: Float64Array
}

function prepare(data: SpendData): Prepared {
  const n = data.x.length
  if (data.m.length !== n) throw new RangeError('x and m must have one value per customer')
  const x = new Float64Array(n)
  const m = new Float64Array(n)
  const xIndex = new Int32Array(n)
  const distinct = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const xi = data.x[i] ?? 0
    const mi = data.m[i] ?? 0
    if (!(xi > 0)) throw new RangeError(`customer ${i}: Gamma-Gamma needs x > 0, got ${xi}`)
    if (!(mi > 0)) throw new RangeError(`customer ${i}: Gamma-Gamma needs a positive mean spend, got ${mi}`)
    x[i] = xi
    m[i] = mi
    let at = distinct.get(xi)
    if (at === undefined) {
      at = distinct.size
      distinct.set(xi, at)
    }
    xIndex[i] = at
  }
  return {
    x,
    logX: x.map(Math.log),
    m,
    logM: m.map(Math.log),
    xIndex,
    distinctX: Float64Array.from(distinct.keys()),
  }
}

/** The Gamma-Gamma log-likelihood of the observed mean spends and its gradient in (ln p, ln q, ln γ). */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  data: Prepared,
): { value: number; gradient: Float64Array } {
  const { p, q, gamma } = params
  const k = data.distinctX.length
  const lgPxQ = new Float64Array(k)
  const lgPx = new Float64Array(k)
  const dgPxQ = new Float64Array(k)
  const dgPx = new Float64Array(k)
  for (let j = 0; j < k; j++) {
    const px = p * (data.distinctX[j] ?? 0)
    lgPxQ[j] = lgamma(px + q)
    lgPx[j] = lgamma(px)
    dgPxQ[j] = digamma(px + q)
    dgPx[j] = digamma(px)
  }
  const lgQ = lgamma(q)
  const dgQ = digamma(q)
  const logGamma = Math.log(gamma)
  let ll = 0
  let gp = 0
  let gq = 0
  let gg = 0
  const n = data.x.length
  for (let i = 0; i < n; i++) {
    const j = data.xIndex[i] ?? 0
    const x = data.x[i] ?? 0
    const logX = data.logX[i] ?? 0
    const logM = data.logM[i] ?? 0
    const px = p * x
    const denom = gamma + x * (data.m[i] ?? 0)
    const logDenom = Math.log(denom)
    ll +=
      (lgPxQ[j] ?? 0) -
      (lgPx[j] ?? 0) -
      lgQ +
      q * logGamma +
      (px - 1) * logM +
      px * logX -
      (px + q) * logDenom
    gp += x * ((dgPxQ[j] ?? 0) - (dgPx[j] ?? 0) + logM + logX - logDenom)
    gq += (dgPxQ[j] ?? 0) - dgQ + logGamma - logDenom
    gg += q / gamma - (px + q) / denom
  }
  return { value: ll, gradient: Float64Array.of(gp * p, gq * q, gg * gamma) }
}

/** Fits Gamma-Gamma by maximum likelihood on repeat buyers (x > 0, m > 0). */
export function fitGammaGamma(data: SpendData): GammaGammaFit {
  const prepared = prepare(data)
  const n = prepared.x.length
  if (n < 2) throw new ModelFitError('Gamma-Gamma needs at least two repeat buyers.')
  let meanM = 0
  for (const v of prepared.m) meanM += v / n
  // Start at p = 1, q = 2 (finite mean) with γ on the spend's own scale: the model is scale-invariant in γ.
  const start = [0, Math.log(2), Math.log(meanM)]
  const fromLog = (v: Float64Array): GammaGammaParams => ({
    p: Math.exp(v[0] ?? 0),
    q: Math.exp(v[1] ?? 0),
    gamma: Math.exp(v[2] ?? 0),
  })
  const result = minimize(
    (v) => {
      const { value, gradient } = gammaGammaLogLikelihood(fromLog(v), prepared)
      return { value: -value / n, gradient: gradient.map((g) => -g / n) }
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
