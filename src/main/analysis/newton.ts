import type { MinimizeResult } from './optimize'

// Newton's method with the exact Hessian, for the customer-value models' few-parameter fits: each iteration
// costs one pass over the data (value, gradient and Hessian together) and near the optimum it converges
// quadratically, where L-BFGS needed ~3.5 passes per iteration over 17 iterations on the 100k-customer bench
// (bench/README.md). Safeguards: a Hessian that is not positive definite is shifted (Levenberg: H + λI,
// λ growing until a Cholesky factorisation succeeds and the step goes downhill), steps are capped, and the
// step is halved until it lowers the value enough (Armijo). The callers fall back to L-BFGS (optimize.ts)
// when this does not converge, so a hard data set costs time, never a fit.

export type SecondOrderObjective = (x: Float64Array) => {
  value: number
  gradient: Float64Array
  /** n x n, row-major. */
  hessian: Float64Array
}

export interface NewtonOptions {
  /** Converged when the largest gradient component is at most this. */
  gradientTolerance?: number
  maxIterations?: number
  /** The largest change of any coordinate in one step (the fits work in log parameters: e^4 ≈ 55x). */
  maxStep?: number
  /** Passes over the data before giving up (the callers then fall back to L-BFGS). */
  maxEvaluations?: number
}

const ARMIJO = 1e-4

function maxAbs(a: Float64Array): number {
  let m = 0
  for (const v of a) m = Math.max(m, Math.abs(v))
  return m
}

/** Solves (H + λI) d = -g by Cholesky; null when H + λI is not positive definite. */
function solveShifted(H: Float64Array, g: Float64Array, lambda: number): Float64Array | null {
  const n = g.length
  const L = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (H[i * n + j] as number) + (i === j ? lambda : 0)
      for (let k = 0; k < j; k++) sum -= (L[i * n + k] as number) * (L[j * n + k] as number)
      if (i === j) {
        if (!(sum > 0)) return null
        L[i * n + i] = Math.sqrt(sum)
      } else {
        L[i * n + j] = sum / (L[j * n + j] as number)
      }
    }
  }
  const y = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let sum = -(g[i] as number)
    for (let k = 0; k < i; k++) sum -= (L[i * n + k] as number) * (y[k] as number)
    y[i] = sum / (L[i * n + i] as number)
  }
  const d = new Float64Array(n)
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] as number
    for (let k = i + 1; k < n; k++) sum -= (L[k * n + i] as number) * (d[k] as number)
    d[i] = sum / (L[i * n + i] as number)
  }
  return d.every(Number.isFinite) ? d : null
}

/** The Newton step, shifted towards steepest descent until it exists and goes downhill. */
function direction(H: Float64Array, g: Float64Array): Float64Array {
  const n = g.length
  let scale = 0
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(H[i * n + i] as number))
  let lambda = 0
  for (let attempt = 0; attempt < 40; attempt++) {
    const d = solveShifted(H, g, lambda)
    if (d) {
      let slope = 0
      for (let i = 0; i < n; i++) slope += (d[i] as number) * (g[i] as number)
      if (slope < 0) return d
    }
    lambda = lambda === 0 ? Math.max(scale, 1) * 1e-8 : lambda * 10
  }
  return g.map((v) => -v / Math.max(1, maxAbs(g)))
}

/**
 * Minimises f from x0 by damped Newton steps. Converged when max_i |∂f/∂x_i| <= gradientTolerance (default
 * 1e-8); a step that can no longer lower f (the floating-point floor) counts as converged only if the
 * gradient is within sqrt(gradientTolerance), as in minimize (optimize.ts).
 */
export function newtonMinimize(
  f: SecondOrderObjective,
  x0: ArrayLike<number>,
  options: NewtonOptions = {},
): MinimizeResult {
  const gtol = options.gradientTolerance ?? 1e-8
  const maxIterations = options.maxIterations ?? 60
  const maxStep = options.maxStep ?? 4
  const maxEvaluations = options.maxEvaluations ?? 120
  let x = Float64Array.from(x0)
  let current = f(x)
  let evaluations = 1
  if (!Number.isFinite(current.value))
    throw new RangeError('The objective is not finite at the starting point.')
  const result = (
    iterations: number,
    converged: boolean,
    reason: MinimizeResult['reason'],
  ): MinimizeResult => ({
    x,
    value: current.value,
    gradient: current.gradient,
    iterations,
    evaluations,
    converged,
    reason,
  })
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const g = current.gradient
    const gmax = maxAbs(g)
    if (!Number.isFinite(gmax)) return result(iteration, false, 'line_search')
    if (gmax <= gtol) return result(iteration, true, 'gradient')
    const d = direction(current.hessian, g)
    const longest = maxAbs(d)
    if (longest > maxStep) for (let i = 0; i < d.length; i++) d[i] = ((d[i] as number) * maxStep) / longest
    let slope = 0
    for (let i = 0; i < d.length; i++) slope += (d[i] as number) * (g[i] as number)
    let accepted: ReturnType<SecondOrderObjective> | null = null
    let next = x
    for (let t = 1, k = 0; k < 50; k++, t /= 2) {
      next = x.map((v, i) => v + t * (d[i] as number))
      const trial = f(next)
      evaluations++
      if (!Number.isFinite(trial.value)) continue
      // at the floating-point floor the value cannot show the decrease: a step that halves the gradient
      // without raising the value beyond rounding is progress too
      const floor = Math.abs(trial.value - current.value) <= 1e-14 * Math.max(1, Math.abs(current.value))
      if (
        trial.value <= current.value + ARMIJO * t * slope ||
        (floor && maxAbs(trial.gradient) <= gmax / 2)
      ) {
        accepted = trial
        break
      }
      if (t * longest < 1e-12 || evaluations > maxEvaluations) break
    }
    if (accepted === null) return result(iteration, gmax <= Math.sqrt(gtol), 'line_search')
    if (evaluations > maxEvaluations) return result(iteration, false, 'max_iterations')
    x = next
    current = accepted
  }
  return result(maxIterations, maxAbs(current.gradient) <= gtol, 'max_iterations')
}
