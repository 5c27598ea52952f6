// The BG/NBD log-likelihood over compressed (x, t_x, T) groups, with its gradient and (for the Newton fit)
// its Hessian, all with respect to the log parameters (ln r, ln α, ln a, ln b). Per group the likelihood is
//   ln L = ln Γ(r+x) - ln Γ(r) + r ln α + ln B(a, b+x) - ln B(a, b)                 (depends on x only)
//        + ln[ (α+T)^-(r+x) + [x > 0] a/(b+x-1) (α+t_x)^-(r+x) ]                   (the mixture)
// so the first line is summed once per distinct x with the groups' weights, the mixture of one-time buyers
// (x = 0: just -r ln(α+T)) once per distinct T, and only repeat buyers' groups pay for a log-sum-exp each
// (one exp and one log1p): at 100k customers that is ~64,000 groups, against a pass over every group with
// every term before (measured in bench/README.md).

export interface Groups {
  x: Int32Array
  tx: Float64Array
  T: Float64Array
  weight: Float64Array
  maxX: number
  total: number
  /** The distinct values of t_x and T (whole days, or days / 7), and each group's index into them. */
  times: Float64Array
  txIndex: Int32Array
  TIndex: Int32Array
}

export interface LogParams {
  r: number
  alpha: number
  a: number
  b: number
}

export interface Evaluation {
  value: number
  /** ∂/∂(ln r, ln α, ln a, ln b). */
  gradient: Float64Array
  /** 4 x 4, row-major, with respect to the log parameters; only when asked for. */
  hessian?: Float64Array
}

/** The groups rearranged for the likelihood: weights by x, one-time buyers by T, repeat buyers' columns. */
interface Layout {
  weightByX: Float64Array
  oneTimeByT: Float64Array
  x: Int32Array
  txIndex: Int32Array
  TIndex: Int32Array
  weight: Float64Array
}

const layouts = new WeakMap<Groups, Layout>()

function layoutOf(groups: Groups): Layout {
  const known = layouts.get(groups)
  if (known) return known
  const n = groups.x.length
  const weightByX = new Float64Array(groups.maxX + 1)
  const oneTimeByT = new Float64Array(groups.times.length)
  let repeat = 0
  for (let i = 0; i < n; i++) {
    const x = groups.x[i] as number
    const w = groups.weight[i] as number
    weightByX[x] = (weightByX[x] as number) + w
    if (x === 0) {
      const t = groups.TIndex[i] as number
      oneTimeByT[t] = (oneTimeByT[t] as number) + w
    } else repeat++
  }
  const layout: Layout = {
    weightByX,
    oneTimeByT,
    x: new Int32Array(repeat),
    txIndex: new Int32Array(repeat),
    TIndex: new Int32Array(repeat),
    weight: new Float64Array(repeat),
  }
  for (let i = 0, j = 0; i < n; i++) {
    const x = groups.x[i] as number
    if (x === 0) continue
    layout.x[j] = x
    layout.txIndex[j] = groups.txIndex[i] as number
    layout.TIndex[j] = groups.TIndex[i] as number
    layout.weight[j] = groups.weight[i] as number
    j++
  }
  layouts.set(groups, layout)
  return layout
}

/**
 * Σ_{k<x} ln(v+k), Σ 1/(v+k) and Σ 1/(v+k)² for every x up to maxX: the differences of ln Γ, ψ and ψ' that
 * the x-only terms need, exact running sums because x is a whole number.
 */
function rising(v: number, maxX: number): { log: Float64Array; inv: Float64Array; sq: Float64Array } {
  const log = new Float64Array(maxX + 1)
  const inv = new Float64Array(maxX + 1)
  const sq = new Float64Array(maxX + 1)
  for (let k = 0; k < maxX; k++) {
    const q = 1 / (v + k)
    log[k + 1] = (log[k] as number) + Math.log(v + k)
    inv[k + 1] = (inv[k] as number) + q
    sq[k + 1] = (sq[k] as number) + q * q
  }
  return { log, inv, sq }
}

// indices into the symmetric 4 x 4 Hessian: r, α, a, b
const R = 0
const A = 1
const PA = 2
const PB = 3

/**
 * The log-likelihood summed over the groups, its gradient and, with `withHessian`, its Hessian, all in the
 * log parameters. The sums are the same as term by term per group, only grouped (test/analysis/bgnbd-newton
 * checks the gradient and Hessian against finite differences).
 */
export function bgnbdEvaluate(params: LogParams, groups: Groups, withHessian = false): Evaluation {
  const { r, alpha, a, b } = params
  const maxX = groups.maxX
  const layout = layoutOf(groups)
  const Rr = rising(r, maxX)
  const Bb = rising(b, maxX)
  const AB = rising(a + b, maxX)
  const logAlpha = Math.log(alpha)
  const logA = Math.log(a)
  const h = new Float64Array(16) // raw-parameter Hessian, upper triangle filled, mirrored at the end
  let ll = 0
  let gr = 0
  let gAlpha = 0
  let ga = 0
  let gb = 0

  // the terms that depend on x only, once per distinct x
  for (let x = 0; x <= maxX; x++) {
    const W = layout.weightByX[x] as number
    if (W === 0) continue
    ll += W * ((Rr.log[x] as number) + r * logAlpha + (Bb.log[x] as number) - (AB.log[x] as number))
    gr += W * ((Rr.inv[x] as number) + logAlpha)
    gAlpha += (W * r) / alpha
    ga -= W * (AB.inv[x] as number)
    gb += W * ((Bb.inv[x] as number) - (AB.inv[x] as number))
    if (withHessian) {
      h[R * 4 + R] = (h[R * 4 + R] as number) - W * (Rr.sq[x] as number)
      h[R * 4 + A] = (h[R * 4 + A] as number) + W / alpha
      h[A * 4 + A] = (h[A * 4 + A] as number) - (W * r) / (alpha * alpha)
      h[PA * 4 + PA] = (h[PA * 4 + PA] as number) + W * (AB.sq[x] as number)
      h[PA * 4 + PB] = (h[PA * 4 + PB] as number) + W * (AB.sq[x] as number)
      h[PB * 4 + PB] = (h[PB * 4 + PB] as number) + W * ((AB.sq[x] as number) - (Bb.sq[x] as number))
    }
  }

  const times = groups.times
  const logAt = new Float64Array(times.length)
  const invAt = new Float64Array(times.length)
  for (let t = 0; t < times.length; t++) {
    logAt[t] = Math.log(alpha + (times[t] as number))
    invAt[t] = 1 / (alpha + (times[t] as number))
  }

  // one-time buyers (x = 0): -r ln(α+T), once per distinct T
  for (let t = 0; t < times.length; t++) {
    const V = layout.oneTimeByT[t] as number
    if (V === 0) continue
    const L = logAt[t] as number
    const I = invAt[t] as number
    ll -= V * r * L
    gr -= V * L
    gAlpha -= V * r * I
    if (withHessian) {
      h[R * 4 + A] = (h[R * 4 + A] as number) - V * I
      h[A * 4 + A] = (h[A * 4 + A] as number) + V * r * I * I
    }
  }

  // repeat buyers: the log-sum-exp of u = -(r+x) ln(α+T) and v = ln a - ln(b+x-1) - (r+x) ln(α+t_x)
  const invB1 = new Float64Array(maxX + 1)
  const logB1 = new Float64Array(maxX + 1)
  for (let x = 1; x <= maxX; x++) {
    invB1[x] = 1 / (b + x - 1)
    logB1[x] = Math.log(b + x - 1)
  }
  // Hessian accumulators: s = w·w4(1-w4) (the mixture's curvature) times the products of Δ = ∇u - ∇v, whose
  // components are (ln(α+t_x) - ln(α+T), (r+x)(1/(α+t_x) - 1/(α+T)), -1/a, 1/(b+x-1))
  let sW4 = 0
  let hrr = 0
  let hrA = 0
  let hAA = 0
  let hS = 0
  let hSr = 0
  let hSA = 0
  let hSB = 0
  let hSrB = 0
  let hSAB = 0
  let hSBB = 0
  let hW4BB = 0
  let gbRepeat = 0
  const n = layout.x.length
  for (let i = 0; i < n; i++) {
    const x = layout.x[i] as number
    const w = layout.weight[i] as number
    const ti = layout.TIndex[i] as number
    const xi = layout.txIndex[i] as number
    const rx = r + x
    const LT = logAt[ti] as number
    const Ltx = logAt[xi] as number
    const u = -rx * LT
    const v = logA - (logB1[x] as number) - rx * Ltx
    // w4 = the share of the second term, e^v / (e^u + e^v)
    let w4: number
    let mix: number
    if (u >= v) {
      const e = Math.exp(v - u)
      mix = u + Math.log1p(e)
      w4 = e / (1 + e)
    } else {
      const e = Math.exp(u - v)
      mix = v + Math.log1p(e)
      w4 = 1 / (1 + e)
    }
    const IT = invAt[ti] as number
    const Itx = invAt[xi] as number
    const ww4 = w * w4
    const iB = invB1[x] as number
    ll += w * mix
    gr += ww4 * (LT - Ltx) - w * LT
    gAlpha -= w * rx * (IT + w4 * (Itx - IT))
    sW4 += ww4
    gbRepeat += ww4 * iB
    if (withHessian) {
      const s = ww4 * (1 - w4)
      const dr = Ltx - LT
      const dA = rx * (Itx - IT)
      hrr += s * dr * dr
      hrA += s * dr * dA - w * ((1 - w4) * IT + w4 * Itx)
      hAA += s * dA * dA + w * rx * ((1 - w4) * IT * IT + w4 * Itx * Itx)
      hS += s
      hSr += s * dr
      hSA += s * dA
      hSB += s * iB
      hSrB += s * dr * iB
      hSAB += s * dA * iB
      hSBB += s * iB * iB
      hW4BB += ww4 * iB * iB
    }
  }
  ga += sW4 / a
  gb -= gbRepeat
  const gRaw = [gr, gAlpha, ga, gb]
  const p = [r, alpha, a, b]
  const gradient = Float64Array.of(gr * r, gAlpha * alpha, ga * a, gb * b)
  if (!withHessian) return { value: ll, gradient }

  const ia = 1 / a
  const add = (j: number, k: number, value: number): void => {
    h[j * 4 + k] = (h[j * 4 + k] as number) + value
  }
  add(R, R, hrr)
  add(R, A, hrA)
  add(A, A, hAA)
  add(R, PA, -ia * hSr)
  add(A, PA, -ia * hSA)
  add(PA, PA, ia * ia * (hS - sW4))
  add(PA, PB, -ia * hSB)
  add(R, PB, hSrB)
  add(A, PB, hSAB)
  add(PB, PB, hSBB + hW4BB)
  // to the log parameters: ∂²/∂ln p_j ∂ln p_k = p_j p_k ∂²/∂p_j∂p_k + [j = k] p_j ∂/∂p_j
  const hessian = new Float64Array(16)
  for (let j = 0; j < 4; j++) {
    for (let k = j; k < 4; k++) {
      const value =
        (p[j] as number) * (p[k] as number) * (h[j * 4 + k] as number) +
        (j === k ? (p[j] as number) * (gRaw[j] as number) : 0)
      hessian[j * 4 + k] = value
      hessian[k * 4 + j] = value
    }
  }
  return { value: ll, gradient, hessian }
}
