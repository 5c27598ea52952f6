import type { RepeatData } from './bgnbd'
import type { Groups } from './bgnbd-likelihood'

// Customers with the same (x, t_x, T) contribute the same likelihood term and get the same forecast, so the
// fit and the predictions work on the distinct combinations with their counts (on CDNOW_master the 23,570
// customers shrink to a third; on the 100k bench shop to 64,937). `groupOf` maps each customer to its group.
//
// Shop data is in whole days: there the groups are found by two counting sorts (by t_x, then stably by
// (x, T)), with no hash map of 100,000 keys (each insert cost ~1.5 µs with its garbage on the bench), and
// come out ordered by (x, T, t_x), so groups sharing x and T (which share the 2F1 of the forecast,
// forecast-groups.ts) are neighbours. Other times (CDNOW in weeks) take a map keyed by the triple.

/** Above this many (x, T) cells the counting sort's table is not worth it; the map is used instead. */
const MAX_CELLS = 1 << 22

export interface GroupedData extends Groups {
  /** Each customer's group. */
  groupOf: Int32Array
}

export function compress(data: RepeatData): GroupedData {
  const n = data.x.length
  if (data.tx.length !== n || data.T.length !== n)
    throw new RangeError('x, t_x and T must have one value per customer')
  let maxX = 0
  let maxT = 0
  let whole = true
  for (let i = 0; i < n; i++) {
    const x = data.x[i] ?? 0
    const tx = data.tx[i] ?? 0
    const T = data.T[i] ?? 0
    if (!Number.isInteger(x) || x < 0)
      throw new RangeError(`customer ${i}: x must be a whole number >= 0, got ${x}`)
    if (!(tx >= 0 && T >= tx)) {
      throw new RangeError(`customer ${i}: need 0 <= t_x <= T, got t_x = ${tx}, T = ${T}`)
    }
    if (x > maxX) maxX = x
    if (T > maxT) maxT = T
    if (whole && !(Number.isInteger(tx) && Number.isInteger(T))) whole = false
  }
  return whole && (maxX + 1) * (maxT + 1) <= MAX_CELLS
    ? byCountingSort(data, n, maxX, maxT)
    : byMap(data, n, maxX)
}

/** Customer indices in the stable order of `key` (0 <= key < range). */
function countingOrder(key: Int32Array, range: number, within: Int32Array): Int32Array {
  const start = new Int32Array(range + 1)
  for (let i = 0; i < key.length; i++) {
    const k = (key[i] as number) + 1
    start[k] = (start[k] as number) + 1
  }
  for (let k = 0; k < range; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number)
  const out = new Int32Array(key.length)
  for (let j = 0; j < within.length; j++) {
    const i = within[j] as number
    const k = key[i] as number
    const to = start[k] as number
    start[k] = to + 1
    out[to] = i
  }
  return out
}

function byCountingSort(data: RepeatData, n: number, maxX: number, maxT: number): GroupedData {
  const width = maxT + 1
  const txKey = new Int32Array(n)
  const cell = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const x = data.x[i] ?? 0
    txKey[i] = x === 0 ? 0 : (data.tx[i] ?? 0)
    cell[i] = x * width + (data.T[i] ?? 0)
  }
  const identity = new Int32Array(n)
  for (let i = 0; i < n; i++) identity[i] = i
  const order = countingOrder(cell, (maxX + 1) * width, countingOrder(txKey, width, identity))
  const groupOf = new Int32Array(n)
  const x: number[] = []
  const tx: number[] = []
  const T: number[] = []
  const weight: number[] = []
  let lastCell = -1
  let lastTx = -1
  for (let j = 0; j < n; j++) {
    const i = order[j] as number
    const c = cell[i] as number
    const t = txKey[i] as number
    if (c !== lastCell || t !== lastTx) {
      x.push(Math.floor(c / width))
      T.push(c % width)
      tx.push(t)
      weight.push(0)
      lastCell = c
      lastTx = t
    }
    const g = weight.length - 1
    weight[g] = (weight[g] as number) + 1
    groupOf[i] = g
  }
  // every whole day up to the latest T is a time: ln(α + t) is computed once per evaluation for each
  const times = new Float64Array(width)
  for (let t = 0; t < width; t++) times[t] = t
  return {
    x: Int32Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    maxX,
    total: n,
    times,
    txIndex: Int32Array.from(tx),
    TIndex: Int32Array.from(T),
    groupOf,
  }
}

function byMap(data: RepeatData, n: number, maxX: number): GroupedData {
  const index = new Map<string, number>()
  const xs: number[] = []
  const txs: number[] = []
  const Ts: number[] = []
  const weights: number[] = []
  const groupOf = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const x = data.x[i] ?? 0
    const tx = x === 0 ? 0 : (data.tx[i] ?? 0)
    const T = data.T[i] ?? 0
    const key = `${x} ${tx} ${T}`
    let at = index.get(key)
    if (at === undefined) {
      at = xs.length
      index.set(key, at)
      xs.push(x)
      txs.push(tx)
      Ts.push(T)
      weights.push(0)
    }
    weights[at] = (weights[at] ?? 0) + 1
    groupOf[i] = at
  }
  // ln(α + t) is needed for every group's t_x and T; there are few distinct times, each computed once
  const timeIndex = new Map<number, number>()
  const indexOf = (t: number): number => {
    let at = timeIndex.get(t)
    if (at === undefined) {
      at = timeIndex.size
      timeIndex.set(t, at)
    }
    return at
  }
  const txIndex = Int32Array.from(txs, indexOf)
  const TIndex = Int32Array.from(Ts, indexOf)
  return {
    x: Int32Array.from(xs),
    tx: Float64Array.from(txs),
    T: Float64Array.from(Ts),
    weight: Float64Array.from(weights),
    maxX,
    total: n,
    times: Float64Array.from(timeIndex.keys()),
    txIndex,
    TIndex,
    groupOf,
  }
}
