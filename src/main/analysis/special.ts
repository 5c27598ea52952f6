// Special functions the customer-value models need, written here rather than pulled from a package: they are
// short, and the tests pin them to known values (test/analysis/special.test.ts).

const LANCZOS_G = 7
// Lanczos coefficients for g = 7, n = 9 (Godfrey): about 15 significant digits for real arguments.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI)

/** ln Γ(x) for x > 0. */
export function lgamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lgamma needs a positive argument, got ${x}`)
  if (x < 0.5) {
    // Reflection keeps full precision near 0: Γ(x)Γ(1-x) = π / sin(πx)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x)
  }
  const y = x - 1
  let sum = LANCZOS[0]
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (y + i)
  const t = y + LANCZOS_G + 0.5
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum)
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to 10, then the asymptotic series (error below 1e-14). */
export function digamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`digamma needs a positive argument, got ${x}`)
  let result = 0
  let v = x
  while (v < 10) {
    result -= 1 / v
    v += 1
  }
  const inv2 = 1 / (v * v)
  // ln v - 1/(2v) - Σ B_2k / (2k v^2k)
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))))
  return result + Math.log(v) - 0.5 / v - series
}

export const HYP2F1_MAX_TERMS = 200_000
const HYP2F1_RELATIVE_TOLERANCE = 1e-15

/** Thrown when the hypergeometric series cannot be summed to full precision; never a silent wrong number. */
export class NotConvergedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotConvergedError'
  }
}

/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) by its power series, for -1 < z < 1.
 *
 * Convergence check: the ratio of term n+1 to term n is ρ(n) = z (a+n)(b+n) / ((c+n)(n+1)), which tends to z.
 * Once |ρ| < 1 the remaining tail is at most |term| · q / (1 - q) with q = max(|ρ(n)|, |z|) (the ratios approach
 * |z| monotonically from one side for large n), and the sum stops when that bound is below 1e-15 of the sum.
 * If that has not happened after HYP2F1_MAX_TERMS terms it throws NotConvergedError rather than return a
 * truncated value. The models call it with z = t / (α + T + t) < 1, and in the Euler-transformed form (see
 * bgnbd.ts) whose terms stay small.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1)) throw new RangeError(`hyp2f1 needs |z| < 1, got z = ${z}`)
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1 is undefined for c = ${c}`)
  let term = 1
  let sum = 1
  const absZ = Math.abs(z)
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    const ratio = (z * (a + n) * (b + n)) / ((c + n) * (n + 1))
    term *= ratio
    sum += term
    if (term === 0) return sum
    const q = Math.max(Math.abs(ratio), absZ)
    if (q < 1 && (Math.abs(term) * q) / (1 - q) <= HYP2F1_RELATIVE_TOLERANCE * Math.abs(sum)) return sum
    if (!Number.isFinite(sum)) break
  }
  throw new NotConvergedError(
    `The hypergeometric series 2F1(${a}, ${b}; ${c}; ${z}) did not converge within ${HYP2F1_MAX_TERMS} terms.`,
  )
}
