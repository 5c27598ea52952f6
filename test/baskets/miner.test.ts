import { describe, expect, it } from 'vitest'
import { basketsFromLists, type Baskets } from '../../src/main/baskets/baskets'
import { minimumCount, mineItemsets } from '../../src/main/baskets/eclat'
import { analyzeBaskets } from '../../src/main/baskets/mine'
import { seededRandom } from '../helpers/random'

// The miner against brute force: every subset of a small catalogue counted directly, on seeded random
// shops of different shapes (sparse, dense, wide baskets, repeated items in a basket).

function randomShop(seed: number, baskets: number, items: number, density: number): string[][] {
  const random = seededRandom(seed)
  const lists: string[][] = []
  for (let b = 0; b < baskets; b++) {
    const list: string[] = []
    for (let i = 0; i < items; i++) {
      // skewed: low ids are popular
      if (random() < density * (1.6 - i / items)) list.push(`P${i}`)
    }
    if (random() < 0.2 && list.length > 0) list.push(list[0] ?? '') // the same product on two lines
    lists.push(list)
  }
  return lists
}

interface BruteRule {
  key: string
  count: number
  confidence: number
  lift: number
  leverage: number
  conviction: number | null
}

function bruteForce(
  baskets: Baskets,
  minSupport: number,
  minConfidence: number,
): { bySize: number[]; rules: BruteRule[] } {
  const n = baskets.offsets.length - 1
  const k = baskets.names.length
  const masks: number[] = []
  for (let b = 0; b < n; b++) {
    let m = 0
    for (let i = baskets.offsets[b] ?? 0; i < (baskets.offsets[b + 1] ?? 0); i++)
      m |= 1 << (baskets.items[i] ?? 0)
    masks.push(m)
  }
  const count = new Map<number, number>()
  for (let set = 1; set < 1 << k; set++) {
    let c = 0
    for (const m of masks) if ((m & set) === set) c++
    count.set(set, c)
  }
  const bits = (set: number): number[] => [...Array(k).keys()].filter((i) => set & (1 << i))
  const bySize: number[] = []
  const rules: BruteRule[] = []
  for (const [set, c] of count) {
    if (c / n < minSupport) continue
    const items = bits(set)
    bySize[items.length] = (bySize[items.length] ?? 0) + 1
    if (items.length < 2) continue
    for (const y of items) {
      const x = set & ~(1 << y)
      const confidence = c / (count.get(x) ?? 0)
      if (confidence < minConfidence) continue
      const sy = (count.get(1 << y) ?? 0) / n
      rules.push({
        key: `${bits(x)
          .map((i) => baskets.names[i])
          .join('+')}=>${baskets.names[y]}`,
        count: c,
        confidence,
        lift: confidence / sy,
        leverage: c / n - ((count.get(x) ?? 0) / n) * sy,
        conviction: confidence === 1 ? null : (1 - sy) / (1 - confidence),
      })
    }
  }
  return { bySize, rules }
}

describe('the basket miner', () => {
  const shapes = [
    { seed: 1, baskets: 400, items: 10, density: 0.15, minSupport: 0.01, minConfidence: 0.2 },
    { seed: 2, baskets: 300, items: 12, density: 0.45, minSupport: 0.05, minConfidence: 0.6 },
    { seed: 3, baskets: 60, items: 14, density: 0.7, minSupport: 0.3, minConfidence: 0.9 },
    { seed: 4, baskets: 1000, items: 11, density: 0.05, minSupport: 0.002, minConfidence: 0 },
  ]
  for (const shape of shapes) {
    it(`finds exactly the brute-force itemsets and rules (seed ${shape.seed}, density ${shape.density})`, () => {
      const baskets = basketsFromLists(randomShop(shape.seed, shape.baskets, shape.items, shape.density))
      const expected = bruteForce(baskets, shape.minSupport, shape.minConfidence)
      const got = analyzeBaskets(baskets, {
        minSupport: shape.minSupport,
        minConfidence: shape.minConfidence,
      })
      expect(got.itemsetsBySize).toEqual(expected.bySize)
      expect(expected.rules.length).toBeGreaterThan(0)
      const byKey = new Map(
        got.rules.map((r) => [
          `${r.antecedent
            .slice()
            .sort((a, b) => a - b)
            .map((i) => baskets.names[i])
            .join('+')}=>${baskets.names[r.consequent]}`,
          r,
        ]),
      )
      expect([...byKey.keys()].sort()).toEqual(expected.rules.map((r) => r.key).sort())
      for (const want of expected.rules) {
        const rule = byKey.get(want.key)
        expect(rule?.count).toBe(want.count)
        expect(rule?.confidence).toBeCloseTo(want.confidence, 12)
        expect(rule?.lift).toBeCloseTo(want.lift, 12)
        expect(rule?.leverage).toBeCloseTo(want.leverage, 12)
        if (want.conviction === null) expect(rule?.conviction).toBeNull()
        else expect(rule?.conviction).toBeCloseTo(want.conviction, 10)
      }
      // sorted by lift, highest first
      for (let i = 1; i < got.rules.length; i++) {
        expect(got.rules[i - 1]?.lift).toBeGreaterThanOrEqual(got.rules[i]?.lift ?? 0)
      }
    })
  }

  it('takes the support threshold as count / baskets >= min support, in floating point', () => {
    expect(minimumCount(0.001, 9835)).toBe(10)
    expect(minimumCount(0.005, 9835)).toBe(50)
    expect(minimumCount(0.01, 9835)).toBe(99)
    // 0.3 * 10 is 3.0000000000000004 in floating point, yet 3 / 10 >= 0.3 holds
    expect(minimumCount(0.3, 10)).toBe(3)
    expect(minimumCount(1, 7)).toBe(7)
  })

  it('has no basket-width limit: a basket of 5,000 items', () => {
    const wide = Array.from({ length: 5000 }, (_, i) => `W${i}`)
    const baskets = basketsFromLists([wide, wide.slice(0, 3), ['W0', 'W1', 'W2', 'W3']])
    const sets = mineItemsets(baskets, { minSupport: 0.6 })
    // W0, W1, W2 are in all three baskets, W3 in two: every subset of {W0..W3} is in >= 2 of 3
    expect(sets.size).toBe(15)
  })

  it('reports progress and stops when cancelled', () => {
    const baskets = basketsFromLists(randomShop(5, 500, 12, 0.3))
    const seen: [number, number][] = []
    mineItemsets(baskets, { minSupport: 0.01 }, { progress: (done, total) => seen.push([done, total]) })
    expect(seen.at(-1)?.[0]).toBe(seen.at(-1)?.[1])
    expect(seen.length).toBeGreaterThan(2)
    const controller = new AbortController()
    let calls = 0
    expect(() =>
      mineItemsets(
        baskets,
        { minSupport: 0.01 },
        {
          signal: controller.signal,
          progress: () => {
            if (++calls === 2) controller.abort()
          },
        },
      ),
    ).toThrow(/cancelled/)
  })

  it('refuses a support outside (0, 1] and a confidence outside [0, 1]', () => {
    const baskets = basketsFromLists([['a', 'b']])
    expect(() => analyzeBaskets(baskets, { minSupport: 0, minConfidence: 0.5 })).toThrow(/min support/)
    expect(() => analyzeBaskets(baskets, { minSupport: 0.5, minConfidence: 1.5 })).toThrow(/min confidence/)
  })
})
