import { LukkhaError } from '../errors'
import type { Baskets } from './baskets'

// Frequent itemsets by Eclat over tid-lists in typed arrays (Zaki 2000), depth first:
// - items are ranked by ascending support (small tid-lists first keeps the intersections short);
// - the pairs are counted in one pass over the baskets into a triangular matrix, so only frequent pairs
//   get a tid-list (the pass costs sum of width^2 / 2; no basket-width limit beyond memory);
// - deeper levels intersect sorted tid-lists (Uint32Array) in one pooled buffer used as a stack, with an
//   early stop when the rest of the shorter list can no longer reach the minimum count.
// Itemsets land in a prefix tree stored in typed arrays: the children of a node are created together, so
// they are one contiguous range sorted by rank, and any subset's count is found by binary search (rules).

export interface MineParams {
  /** Fraction of baskets, 0 < minSupport <= 1; an itemset is frequent when count / baskets >= minSupport. */
  minSupport: number
  /** Largest itemset size (default: no limit). */
  maxSize?: number
}

export interface MineHooks {
  signal?: AbortSignal
  /** Called as the top-level items are done (done of total). */
  progress?: (done: number, total: number) => void
}

/** Frequent itemsets as a prefix tree in typed arrays. Node ids 0..rankCount-1 are the single items. */
export interface Itemsets {
  basketCount: number
  /** The smallest count that is frequent. */
  minCount: number
  /** Support count of every item id (frequent or not). */
  itemCounts: Uint32Array
  /** Item id of each rank (frequent items by ascending support). */
  itemOfRank: Uint32Array
  size: number
  /** Per node: the rank of its last item, its parent node (-1 for single items), its count, its size. */
  rank: Uint32Array
  parent: Int32Array
  count: Uint32Array
  length: Uint8Array
  /** Children of a node: firstChild .. firstChild + childCount - 1, sorted by rank. */
  firstChild: Uint32Array
  childCount: Uint32Array
}

/** Smallest count c with c / n >= minSupport in floating point, the comparison arules makes. */
export function minimumCount(minSupport: number, n: number): number {
  let c = Math.max(1, Math.ceil(minSupport * n))
  while (c > 1 && (c - 1) / n >= minSupport) c--
  while (c / n < minSupport) c++
  return c
}

class NodeStore {
  size = 0
  rank = new Uint32Array(1024)
  parent = new Int32Array(1024)
  count = new Uint32Array(1024)
  length = new Uint8Array(1024)
  firstChild = new Uint32Array(1024)
  childCount = new Uint32Array(1024)

  add(rank: number, parent: number, count: number, length: number): number {
    if (this.size === this.rank.length) this.grow()
    const id = this.size++
    this.rank[id] = rank
    this.parent[id] = parent
    this.count[id] = count
    this.length[id] = length
    return id
  }

  private grow(): void {
    const n = this.rank.length * 2
    this.rank = copy(new Uint32Array(n), this.rank)
    this.parent = copy(new Int32Array(n), this.parent)
    this.count = copy(new Uint32Array(n), this.count)
    this.length = copy(new Uint8Array(n), this.length)
    this.firstChild = copy(new Uint32Array(n), this.firstChild)
    this.childCount = copy(new Uint32Array(n), this.childCount)
  }
}

function copy<T extends Uint32Array | Int32Array | Uint8Array>(to: T, from: T): T {
  to.set(from)
  return to
}

/** The pairs' matrix is used up to this many frequent items (k(k-1)/2 counters: 4096 -> 32 MB). */
const MATRIX_MAX_ITEMS = 4096

export function mineItemsets(baskets: Baskets, params: MineParams, hooks: MineHooks = {}): Itemsets {
  const { minSupport } = params
  if (!(minSupport > 0 && minSupport <= 1)) {
    throw new LukkhaError('validation', `min support must be above 0 and at most 1 (got ${minSupport})`)
  }
  const maxSize = Math.min(params.maxSize ?? 255, 255)
  if (!(maxSize >= 1)) throw new LukkhaError('validation', `max itemset size must be at least 1`)
  const { items, offsets } = baskets
  const n = offsets.length - 1
  const itemTotal = baskets.names.length
  const minCount = minimumCount(minSupport, Math.max(n, 1))

  // Item counts, each item once per basket
  const seen = new Int32Array(itemTotal).fill(-1)
  const itemCounts = new Uint32Array(itemTotal)
  for (let b = 0; b < n; b++) {
    for (let i = offsets[b] ?? 0, end = offsets[b + 1] ?? 0; i < end; i++) {
      const item = items[i] ?? 0
      if (seen[item] !== b) {
        seen[item] = b
        itemCounts[item] = (itemCounts[item] ?? 0) + 1
      }
    }
  }
  const frequent: number[] = []
  for (let item = 0; item < itemTotal; item++) if ((itemCounts[item] ?? 0) >= minCount) frequent.push(item)
  frequent.sort((a, b) => (itemCounts[a] ?? 0) - (itemCounts[b] ?? 0) || a - b)
  const k = frequent.length
  const itemOfRank = Uint32Array.from(frequent)
  const rankOf = new Int32Array(itemTotal).fill(-1)
  frequent.forEach((item, r) => (rankOf[item] = r))

  const nodes = new NodeStore()
  for (let r = 0; r < k; r++) nodes.add(r, -1, itemCounts[itemOfRank[r] ?? 0] ?? 0, 1)

  // Tid-lists of the frequent items in one pool, item r at tidStart[r] .. + its count
  let poolSize = 0
  const tidStart = new Uint32Array(k)
  for (let r = 0; r < k; r++) {
    tidStart[r] = poolSize
    poolSize += nodes.count[r] ?? 0
  }
  let pool = new Uint32Array(Math.max(poolSize * 2, 1024))
  const fill = tidStart.slice()
  const ranks = new Uint32Array(Math.max(k, 1))
  seen.fill(-1)
  const useMatrix = maxSize >= 2 && k <= MATRIX_MAX_ITEMS
  const pairs = useMatrix ? new Uint32Array((k * (k - 1)) / 2) : null
  // Each basket's frequent items as ranks, ascending (CSR): level 2 is built from the baskets of a
  const rowItems = new Uint32Array(useMatrix ? poolSize : 0)
  const rowOffsets = new Uint32Array(useMatrix ? n + 1 : 0)
  let rowLength = 0
  for (let b = 0; b < n; b++) {
    let w = 0
    for (let i = offsets[b] ?? 0, end = offsets[b + 1] ?? 0; i < end; i++) {
      const item = items[i] ?? 0
      const r = rankOf[item] ?? -1
      if (r < 0 || seen[item] === b) continue
      seen[item] = b
      pool[fill[r] ?? 0] = b
      fill[r] = (fill[r] ?? 0) + 1
      ranks[w++] = r
    }
    if (pairs) {
      // insertion sort straight into the row store (baskets are short; TypedArray#sort per basket costs more)
      const first = rowLength
      for (let x = 0; x < w; x++) {
        const r = ranks[x] ?? 0
        let at = rowLength++
        while (at > first && (rowItems[at - 1] ?? 0) > r) {
          rowItems[at] = rowItems[at - 1] ?? 0
          at--
        }
        rowItems[at] = r
      }
      rowOffsets[b + 1] = rowLength
      for (let x = first; x < rowLength - 1; x++) {
        const a = rowItems[x] ?? 0
        // index of (a, c) for a < c: a*k - a(a+1)/2 + (c - a - 1)
        const base = a * k - (a * (a + 1)) / 2 - a - 1
        for (let y = x + 1; y < rowLength; y++) {
          const idx = base + (rowItems[y] ?? 0)
          pairs[idx] = (pairs[idx] ?? 0) + 1
        }
      }
    }
  }

  let poolTop = poolSize
  const ensure = (extra: number): void => {
    if (poolTop + extra <= pool.length) return
    const next = new Uint32Array(Math.max(pool.length * 2, poolTop + extra))
    next.set(pool.subarray(0, poolTop))
    pool = next
  }

  // The tids of the class's prefix are marked once; each member's tid-list is then filtered against the
  // marks without a branch (write, then advance by the mark), about 1 ns an element.
  const mark = new Uint8Array(n)
  const markList = (start: number, len: number, value: 0 | 1): void => {
    const p = pool
    for (let i = start, end = start + len; i < end; i++) mark[p[i] ?? 0] = value
  }
  /** Keeps the tids of a list that are marked, at the pool's top; returns how many. */
  const filterMarked = (start: number, len: number): number => {
    ensure(len)
    const p = pool
    let out = poolTop
    for (let i = start, end = start + len; i < end; i++) {
      const t = p[i] ?? 0
      p[out] = t
      out += mark[t] ?? 0
    }
    return out - poolTop
  }

  // Extends node `prefix` (whose members are given by parallel arrays) depth first.
  const extend = (
    memberNodes: Uint32Array,
    memberStart: Uint32Array,
    memberLen: Uint32Array,
    depth: number,
  ): void => {
    const m = memberNodes.length
    for (let x = 0; x < m - 1; x++) {
      const node = memberNodes[x] ?? 0
      const aStart = memberStart[x] ?? 0
      const aLen = memberLen[x] ?? 0
      const top = poolTop
      markList(aStart, aLen, 1)
      const childNodes: number[] = []
      const childStart: number[] = []
      const childLen: number[] = []
      const ra = nodes.rank[node] ?? 0
      const base = ra * k - (ra * (ra + 1)) / 2 - ra - 1
      for (let y = x + 1; y < m; y++) {
        // a pair that is not frequent cannot be part of a frequent itemset
        if (pairs && (pairs[base + (nodes.rank[memberNodes[y] ?? 0] ?? 0)] ?? 0) < minCount) continue
        const c = filterMarked(memberStart[y] ?? 0, memberLen[y] ?? 0)
        if (c < minCount) continue
        const child = nodes.add(nodes.rank[memberNodes[y] ?? 0] ?? 0, node, c, depth + 1)
        if (childNodes.length === 0) nodes.firstChild[node] = child
        childNodes.push(child)
        childStart.push(poolTop)
        childLen.push(c)
        poolTop += c
      }
      nodes.childCount[node] = childNodes.length
      markList(aStart, aLen, 0)
      if (childNodes.length > 1 && depth + 1 < maxSize) {
        extend(
          Uint32Array.from(childNodes),
          Uint32Array.from(childStart),
          Uint32Array.from(childLen),
          depth + 1,
        )
      }
      poolTop = top
    }
  }

  const signal = hooks.signal
  const slot = new Int32Array(k)
  for (let a = 0; a < k && maxSize >= 2; a++) {
    if (signal?.aborted) throw new LukkhaError('cancelled', 'The basket analysis was cancelled.')
    hooks.progress?.(a, k)
    // Level 2 from the pair counts (or intersections without the matrix), then deeper from there
    const aStart = tidStart[a] ?? 0
    const aLen = nodes.count[a] ?? 0
    const top = poolTop
    const childNodes: number[] = []
    const childStart: number[] = []
    const childLen: number[] = []
    const base = a * k - (a * (a + 1)) / 2 - a - 1
    if (pairs) {
      // The pair counts give each child's exact length: lay the lists out, then fill them in one pass over
      // the baskets of a (sum of their widths, instead of scanning every longer list)
      let need = 0
      for (let b = a + 1; b < k; b++) {
        const c = pairs[base + b] ?? 0
        if (c < minCount) {
          slot[b] = -1
          continue
        }
        slot[b] = poolTop + need
        const child = nodes.add(b, a, c, 2)
        if (childNodes.length === 0) nodes.firstChild[a] = child
        childNodes.push(child)
        childStart.push(poolTop + need)
        childLen.push(c)
        need += c
      }
      ensure(need)
      const p = pool
      for (let i = aStart, end = aStart + aLen; i < end; i++) {
        const t = p[i] ?? 0
        for (let j = rowOffsets[t + 1] ?? 0, first = rowOffsets[t] ?? 0; --j >= first;) {
          const r = rowItems[j] ?? 0
          if (r <= a) break
          const at = slot[r] ?? -1
          if (at >= 0) {
            p[at] = t
            slot[r] = at + 1
          }
        }
      }
      poolTop += need
    } else {
      markList(aStart, aLen, 1)
      for (let b = a + 1; b < k; b++) {
        const c = filterMarked(tidStart[b] ?? 0, nodes.count[b] ?? 0)
        if (c < minCount) continue
        const child = nodes.add(b, a, c, 2)
        if (childNodes.length === 0) nodes.firstChild[a] = child
        childNodes.push(child)
        childStart.push(poolTop)
        childLen.push(c)
        poolTop += c
      }
      markList(aStart, aLen, 0)
    }
    nodes.childCount[a] = childNodes.length
    if (childNodes.length > 1 && maxSize > 2) {
      extend(Uint32Array.from(childNodes), Uint32Array.from(childStart), Uint32Array.from(childLen), 2)
    }
    poolTop = top
  }
  hooks.progress?.(k, k)

  return {
    basketCount: n,
    minCount,
    itemCounts,
    itemOfRank,
    size: nodes.size,
    rank: nodes.rank,
    parent: nodes.parent,
    count: nodes.count,
    length: nodes.length,
    firstChild: nodes.firstChild,
    childCount: nodes.childCount,
  }
}

/** The ranks of a node's items, ascending, into `out` (length = the node's size). */
export function nodeRanks(sets: Itemsets, node: number, out: Uint32Array): number {
  const len = sets.length[node] ?? 0
  let at = len
  for (let v = node; v >= 0; v = sets.parent[v] ?? -1) out[--at] = sets.rank[v] ?? 0
  return len
}

/** The node of an itemset given by ascending ranks (skipping position `skip`), or -1 if it is not frequent. */
export function findNode(sets: Itemsets, ranks: Uint32Array, len: number, skip = -1): number {
  let node = -1
  for (let i = 0; i < len; i++) {
    if (i === skip) continue
    const r = ranks[i] ?? 0
    if (node < 0) {
      node = r
      continue
    }
    let lo = sets.firstChild[node] ?? 0
    let hi = lo + (sets.childCount[node] ?? 0) - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const mr = sets.rank[mid] ?? 0
      if (mr === r) {
        found = mid
        break
      }
      if (mr < r) lo = mid + 1
      else hi = mid - 1
    }
    if (found < 0) return -1
    node = found
  }
  return node
}

/** Number of frequent itemsets of each size (index = size). */
export function countBySize(sets: Itemsets): number[] {
  const bySize: number[] = []
  for (let v = 0; v < sets.size; v++) {
    const len = sets.length[v] ?? 0
    bySize[len] = (bySize[len] ?? 0) + 1
  }
  return bySize
}
