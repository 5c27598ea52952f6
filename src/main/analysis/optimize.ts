// A small L-BFGS minimiser (Nocedal & Wright, "Numerical Optimization", 2nd ed., algorithms 7.4 and 3.5/3.6)
// for the few-parameter maximum-likelihood fits of the customer-value models. No npm optimiser fitted: the
// maintained ones are either curve-fitting only (Levenberg-Marquardt) or unmaintained since 2016.

/** The objective: its value and its gradient at x. A non-finite value means "outside the usable region". */
export type Objective = (x: Float64Array) => { value: number; gradient: Float64Array }

export interface MinimizeOptions {
  /** Converged when the largest gradient component is at most this. */
  gradientTolerance?: number
  /** Or when an iteration lowers the value by less than this times max(1, |value|). */
  valueTolerance?: number
  maxIterations?: number
  /** How many past steps approximate the inverse Hessian. */
  memory?: number
}

export interface MinimizeResult {
  x: Float64Array
  value: number
  gradient: Float64Array
  iterations: number
  evaluations: number
  converged: boolean
  /** Why it stopped, for error messages. */
  reason: 'gradient' | 'value' | 'max_iterations' | 'line_search'
}

const C1 = 1e-4 // sufficient decrease (Armijo)
const C2 = 0.9 // curvature (strong Wolfe), the usual choice for quasi-Newton methods

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0)
  return s
}

function maxAbs(a: Float64Array): number {
  let m = 0
  for (const v of a) m = Math.max(m, Math.abs(v))
  return m
}

function step(x: Float64Array, d: Float64Array, alpha: number): Float64Array {
  const out = new Float64Array(x.length)
  for (let i = 0; i < x.length; i++) out[i] = (x[i] ?? 0) + alpha * (d[i] ?? 0)
  return out
}

interface Point {
  alpha: number
  x: Float64Array
  value: number
  gradient: Float64Array
  slope: number
}

/**
 * Minimises f from x0. Convergence criterion: max_i |∂f/∂x_i| <= gradientTolerance (default 1e-8). It also
 * stops when an iteration lowers f by less than valueTolerance (default 1e-14) times max(1, |f|), or when no
 * step along a descent direction lowers f at all (the floating-point floor); those two count as converged only
 * if max_i |∂f/∂x_i| <= sqrt(gradientTolerance), so a stall away from a minimum is reported as not converged,
 * as is reaching maxIterations.
 */
export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const gtol = options.gradientTolerance ?? 1e-8
  const ftol = options.valueTolerance ?? 1e-14
  const maxIterations = options.maxIterations ?? 500
  const memory = options.memory ?? 8
  let evaluations = 0
  const evaluate = (x: Float64Array): { value: number; gradient: Float64Array } => {
    evaluations++
    return f(x)
  }

  let x: Float64Array = Float64Array.from(x0)
  let { value, gradient } = evaluate(x)
  if (!Number.isFinite(value)) throw new RangeError('The objective is not finite at the starting point.')
  const sHistory: Float64Array[] = []
  const yHistory: Float64Array[] = []
  const rhoHistory: number[] = []

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) <= gtol) {
      return { x, value, gradient, iterations: iteration, evaluations, converged: true, reason: 'gradient' }
    }
    // Two-loop recursion: d = -H g
    const q = Float64Array.from(gradient)
    const alphas: number[] = []
    for (let i = sHistory.length - 1; i >= 0; i--) {
      const s = sHistory[i] as Float64Array
      const y = yHistory[i] as Float64Array
      const a = (rhoHistory[i] ?? 0) * dot(s, q)
      alphas[i] = a
      for (let j = 0; j < q.length; j++) q[j] = (q[j] ?? 0) - a * (y[j] ?? 0)
    }
    const lastS = sHistory.at(-1)
    const lastY = yHistory.at(-1)
    // Initial inverse Hessian scaling γ = s'y / y'y; on the first iteration a step of length at most 1.
    const scale = lastS && lastY ? dot(lastS, lastY) / dot(lastY, lastY) : 1 / Math.max(1, maxAbs(gradient))
    for (let j = 0; j < q.length; j++) q[j] = (q[j] ?? 0) * scale
    for (let i = 0; i < sHistory.length; i++) {
      const s = sHistory[i] as Float64Array
      const y = yHistory[i] as Float64Array
      const b = (rhoHistory[i] ?? 0) * dot(y, q)
      for (let j = 0; j < q.length; j++) q[j] = (q[j] ?? 0) + ((alphas[i] ?? 0) - b) * (s[j] ?? 0)
    }
    let direction = q.map((v) => -v)
    let slope = dot(gradient, direction)
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      sHistory.length = yHistory.length = rhoHistory.length = 0
      direction = gradient.map((v) => -v / Math.max(1, maxAbs(gradient)))
      slope = dot(gradient, direction)
    }
    const start: Point = { alpha: 0, x, value, gradient, slope }
    const next = lineSearch(evaluate, start, direction)
    if (!next) {
      // No representable decrease along a descent direction: floating-point noise at a stationary point if the
      // gradient is already small, a real failure otherwise.
      const converged = maxAbs(gradient) <= Math.sqrt(gtol)
      return { x, value, gradient, iterations: iteration, evaluations, converged, reason: 'line_search' }
    }
    const s = step(next.x, x, -1)
    const y = step(next.gradient, gradient, -1)
    const sy = dot(s, y)
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      sHistory.push(s)
      yHistory.push(y)
      rhoHistory.push(1 / sy)
      if (sHistory.length > memory) {
        sHistory.shift()
        yHistory.shift()
        rhoHistory.shift()
      }
    }
    const decrease = value - next.value
    x = next.x
    value = next.value
    gradient = next.gradient
    if (decrease <= ftol * Math.max(1, Math.abs(value))) {
      const converged = maxAbs(gradient) <= Math.sqrt(gtol) // a stall far from a stationary point is not success
      return {
        x,
        value,
        gradient,
        iterations: iteration + 1,
        evaluations,
        converged,
        reason: 'value',
      }
    }
  }
  return {
    x,
    value,
    gradient,
    iterations: maxIterations,
    evaluations,
    converged: false,
    reason: 'max_iterations',
  }
}

/** Strong-Wolfe line search with bracketing and zoom (N&W algorithms 3.5 and 3.6, cubic-safeguarded bisection). */
function lineSearch(
  evaluate: (x: Float64Array) => { value: number; gradient: Float64Array },
  start: Point,
  direction: Float64Array,
): Point | null {
  const at = (alpha: number): Point => {
    const x = step(start.x, direction, alpha)
    const { value, gradient } = evaluate(x)
    return { alpha, x, value, gradient, slope: dot(gradient, direction) }
  }
  let previous = start
  let alpha = 1
  for (let i = 0; i < 40; i++) {
    const current = at(alpha)
    if (!Number.isFinite(current.value)) {
      // Stepped out of the region where the model is defined: come back towards the start.
      alpha = previous.alpha + (alpha - previous.alpha) / 4
      continue
    }
    if (
      current.value > start.value + C1 * alpha * start.slope ||
      (i > 0 && current.value >= previous.value)
    ) {
      return zoom(at, start, previous, current)
    }
    if (Math.abs(current.slope) <= -C2 * start.slope) return current
    if (current.slope >= 0) return zoom(at, start, current, previous)
    previous = current
    alpha *= 2
  }
  return null
}

function zoom(at: (alpha: number) => Point, start: Point, low: Point, high: Point): Point | null {
  let lo = low
  let hi = high
  for (let i = 0; i < 60; i++) {
    const alpha = interpolate(lo, hi)
    const current = at(alpha)
    if (
      !Number.isFinite(current.value) ||
      current.value > start.value + C1 * alpha * start.slope ||
      current.value >= lo.value
    ) {
      hi = current
    } else {
      if (Math.abs(current.slope) <= -C2 * start.slope) return current
      if (current.slope * (hi.alpha - lo.alpha) >= 0) hi = lo
      lo = current
    }
    if (Math.abs(hi.alpha - lo.alpha) < 1e-16 * Math.max(1, Math.abs(lo.alpha))) break
  }
  // The interval shrank to nothing: accept the best point if it lowered the value at all.
  return lo.alpha !== 0 && lo.value < start.value ? lo : null
}

/** Minimiser of the cubic through both ends' values and slopes, kept inside the middle 80% of the interval. */
function interpolate(a: Point, b: Point): number {
  const lo = Math.min(a.alpha, b.alpha)
  const hi = Math.max(a.alpha, b.alpha)
  const width = hi - lo
  let alpha = (a.alpha + b.alpha) / 2
  if (Number.isFinite(a.value) && Number.isFinite(b.value) && Number.isFinite(b.slope)) {
    const d1 = a.slope + b.slope - (3 * (a.value - b.value)) / (a.alpha - b.alpha)
    const d2sq = d1 * d1 - a.slope * b.slope
    if (d2sq >= 0) {
      const d2 = Math.sign(b.alpha - a.alpha) * Math.sqrt(d2sq)
      const cubic = b.alpha - (b.alpha - a.alpha) * ((b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2))
      if (Number.isFinite(cubic)) alpha = cubic
    }
  }
  return Math.min(hi - 0.1 * width, Math.max(lo + 0.1 * width, alpha))
}
