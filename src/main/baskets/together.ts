import type { Baskets } from './baskets'

// "Bought together" for one item: in the baskets that hold it, how often each other item is there too.
// One pass over the baskets; confidence = together / baskets with the item, lift = confidence / share of
// baskets with the other item.

export interface Together {
  item: number
  together: number
  confidence: number
  lift: number
}

export function boughtTogether(
  baskets: Baskets,
  item: number,
  { minTogether = 2, limit = 20 }: { minTogether?: number; limit?: number } = {},
): { baskets: number; withItem: number; items: Together[] } {
  const { items, offsets, names } = baskets
  const n = offsets.length - 1
  const counts = new Uint32Array(names.length)
  const together = new Uint32Array(names.length)
  const seen = new Int32Array(names.length).fill(-1)
  let withItem = 0
  for (let b = 0; b < n; b++) {
    const start = offsets[b] ?? 0
    const end = offsets[b + 1] ?? 0
    let has = false
    for (let i = start; i < end; i++) {
      const it = items[i] ?? 0
      if (seen[it] === b) continue
      seen[it] = b
      counts[it] = (counts[it] ?? 0) + 1
      if (it === item) has = true
    }
    if (!has) continue
    withItem++
    for (let i = start; i < end; i++) {
      const it = items[i] ?? 0
      // seen[it] === b for every item of this basket; mark each once by flipping it to -2
      if (it === item || seen[it] !== b) continue
      seen[it] = -2
      together[it] = (together[it] ?? 0) + 1
    }
  }
  const result: Together[] = []
  if (withItem === 0) return { baskets: n, withItem, items: result }
  for (let it = 0; it < names.length; it++) {
    const t = together[it] ?? 0
    if (t < minTogether) continue
    const confidence = t / withItem
    result.push({ item: it, together: t, confidence, lift: confidence / ((counts[it] ?? 1) / n) })
  }
  result.sort((a, b) => b.together - a.together || b.lift - a.lift || a.item - b.item)
  return { baskets: n, withItem, items: result.slice(0, limit) }
}
