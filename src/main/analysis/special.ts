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

/** ψ'(x) = d²/dx² ln Γ(x) for x > 0: recurrence up to 10, then the asymptotic series (error below 1e-14). */
export function trigamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`trigamma needs a positive argument, got ${x}`)
  let result = 0
  let v = x
  while (v < 10) {
    result += 1 / (v * v)
    v += 1
  }
  const inv = 1 / v
  const inv2 = inv * inv
  // 1/v + 1/(2v²) + Σ B_2k / v^(2k+1)
  const series =
    inv2 *
    inv *
    (1 / 6 - inv2 * (1 / 30 - inv2 * (1 / 42 - inv2 * (1 / 30 - inv2 * (5 / 66 - inv2 * (691 / 2730))))))
  return result + inv + 0.5 * inv2 + series
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

/** ln |Γ(x)| and the sign of Γ(x) for any real x that is not a pole (0, -1, -2, ...). */
export function lgammaSigned(x: number): { log: number; sign: number } {
  if (x > 0) return { log: lgamma(x), sign: 1 }
  if (Number.isInteger(x)) throw new RangeError(`Γ has a pole at ${x}`)
  // reflection: Γ(x) = π / (sin(πx) Γ(1-x)), with 1 - x > 0
  const sine = Math.sin(Math.PI * x)
  return { log: Math.log(Math.PI / Math.abs(sine)) - lgamma(1 - x), sign: Math.sign(sine) }
}

/** 1 / Γ(x) as (log, sign), with sign 0 at a pole (where 1/Γ is exactly 0). */
function reciprocalGamma(x: number): { log: number; sign: number } {
  if (x <= 0 && Number.isInteger(x)) return { log: 0, sign: 0 }
  const g = lgammaSigned(x)
  return { log: -g.log, sign: g.sign }
}

/** The power series of 2F1 with the tail bound below; throws NotConvergedError instead of truncating. */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
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

/** Above this z the series in 1 - z is used (when c - a - b is not close to a whole number). */
const NEAR_ONE = 0.9
/** How far c - a - b must be from a whole number for the 1 - z transformation to keep its precision. */
const MIN_DISTANCE_FROM_INTEGER = 1e-3

/**
 * 2F1 for z near 1 by the linear transformation to 1 - z (Abramowitz & Stegun 15.3.6; Cephes' hyp2f1, which
 * scipy and so lifetimes use, and GSL's gsl_sf_hyperg_2F1, which CLVTools uses, do the same):
 *   F(a,b;c;z) = Γ(c)Γ(c-a-b) / (Γ(c-a)Γ(c-b)) · F(a, b; a+b-c+1; 1-z)
 *              + (1-z)^(c-a-b) Γ(c)Γ(a+b-c) / (Γ(a)Γ(b)) · F(c-a, c-b; c-a-b+1; 1-z).
 * Valid when c - a - b is not a whole number; both series in 1 - z converge fast.
 */
function hyp2f1NearOne(a: number, b: number, c: number, z: number): number {
  const w = 1 - z
  const s = c - a - b
  const gc = lgammaSigned(c)
  const first = (() => {
    const gs = lgammaSigned(s)
    const ra = reciprocalGamma(c - a)
    const rb = reciprocalGamma(c - b)
    const sign = gc.sign * gs.sign * ra.sign * rb.sign
    if (sign === 0) return 0
    return sign * Math.exp(gc.log + gs.log + ra.log + rb.log) * hyp2f1Series(a, b, 1 - s, w)
  })()
  const second = (() => {
    const gs = lgammaSigned(-s)
    const ra = reciprocalGamma(a)
    const rb = reciprocalGamma(b)
    const sign = gc.sign * gs.sign * ra.sign * rb.sign
    if (sign === 0) return 0
    return (
      sign *
      Math.exp(gc.log + gs.log + ra.log + rb.log + s * Math.log(w)) *
      hyp2f1Series(c - a, c - b, 1 + s, w)
    )
  })()
  return first + second
}

/**
 * Gauss's hypergeometric function 2F1(a, b; c; z), for -1 < z < 1.
 *
 * By its power series. Convergence check: the ratio of term n+1 to term n is
 * ρ(n) = z (a+n)(b+n) / ((c+n)(n+1)), which tends to z. Once |ρ| < 1 the remaining tail is at most
 * |term| · q / (1 - q) with q = max(|ρ(n)|, |z|) (the ratios approach |z| monotonically from one side for
 * large n), and the sum stops when that bound is below 1e-15 of the sum. For z above 0.9, where the series
 * needs ~1/(1-z) terms, it uses the linear transformation to 1 - z (hyp2f1NearOne) when c - a - b is not
 * close to a whole number. If no form converges after HYP2F1_MAX_TERMS terms it throws NotConvergedError
 * rather than return a truncated value; the models then try another form of their formula (bgnbd.ts), and
 * the analysis leaves that one customer's prediction out with a note rather than fail (run.ts).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1)) throw new RangeError(`hyp2f1 needs |z| < 1, got z = ${z}`)
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1 is undefined for c = ${c}`)
  const s = c - a - b
  if (z > NEAR_ONE && Math.abs(s - Math.round(s)) > MIN_DISTANCE_FROM_INTEGER) {
    try {
      const value = hyp2f1NearOne(a, b, c, z)
      if (Number.isFinite(value)) return value
    } catch (error) {
      if (!(error instanceof NotConvergedError)) throw error
    }
  }
  return hyp2f1Series(a, b, c, z)
}
