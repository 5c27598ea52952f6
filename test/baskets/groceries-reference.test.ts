import { beforeAll, describe, expect, it } from 'vitest'
import { basketsFromLists, basketStats, type Baskets } from '../../src/main/baskets/baskets'
import { analyzeBaskets } from '../../src/main/baskets/mine'
import { haveDatasets, missingDatasetsMessage } from '../helpers/datasets'
import { readGroceries } from './groceries'

// ../shared/datasets/REFERENCE.md, Groceries, through the miner's own entry (the import path is in
// groceries-import.test.ts).

if (!haveDatasets) console.warn(missingDatasetsMessage)

describe.skipIf(!haveDatasets)('Groceries through the miner (REFERENCE.md)', () => {
  let baskets: Baskets
  beforeAll(() => {
    baskets = basketsFromLists(readGroceries())
  })

  it('reads 9,835 baskets of 169 items, mean 4.409 items, largest 32', () => {
    const stats = basketStats(baskets)
    expect(stats.baskets).toBe(9835)
    expect(stats.items).toBe(169)
    expect(stats.meanSize.toFixed(3)).toBe('4.409')
    expect(stats.largest).toBe(32)
  })

  it('finds 13,492 frequent itemsets at support 0.001 (157, 2,981, 6,831, 3,137, 376, 10 by size)', () => {
    const result = analyzeBaskets(baskets, { minSupport: 0.001, minConfidence: 0.5 })
    expect(result.itemsets).toBe(13492)
    expect(result.itemsetsBySize.slice(1)).toEqual([157, 2981, 6831, 3137, 376, 10])
    expect(result.minCount).toBe(10)
    // 5,668 single-consequent rules by size 2..6, the top one by lift
    expect(result.rules).toHaveLength(5668)
    const bySize = [2, 3, 4, 5, 6].map(
      (s) => result.rules.filter((r) => r.antecedent.length + 1 === s).length,
    )
    expect(bySize).toEqual([11, 1461, 3211, 939, 46])
    const top = result.rules[0]
    expect(top?.lift.toFixed(3)).toBe('18.996')
    expect(top?.antecedent.map((i) => baskets.names[i]).sort()).toEqual(['Instant food products', 'soda'])
    expect(baskets.names[top?.consequent ?? -1]).toBe('hamburger meat')
  })

  it('gives 410, 120 and 15 rules at the other published settings', () => {
    const count = (minSupport: number, minConfidence: number): number =>
      analyzeBaskets(baskets, { minSupport, minConfidence }).rules.length
    expect(count(0.001, 0.8)).toBe(410)
    expect(count(0.005, 0.5)).toBe(120)
    expect(count(0.01, 0.5)).toBe(15)
  })

  it('respects max size and min lift, and the item supports match', () => {
    const capped = analyzeBaskets(baskets, { minSupport: 0.001, minConfidence: 0.5, maxSize: 3 })
    expect(capped.itemsetsBySize.slice(1)).toEqual([157, 2981, 6831])
    expect(capped.rules).toHaveLength(11 + 1461)
    const lifted = analyzeBaskets(baskets, { minSupport: 0.001, minConfidence: 0.5, minLift: 3 })
    expect(lifted.rules.length).toBeGreaterThan(0)
    expect(lifted.rules.every((r) => r.lift >= 3)).toBe(true)
    const full = analyzeBaskets(baskets, { minSupport: 0.001, minConfidence: 0.5 })
    expect(lifted.rules.length).toBe(full.rules.filter((r) => r.lift >= 3).length)
    const support = (name: string): string =>
      ((full.itemCounts[baskets.names.indexOf(name)] ?? 0) / 9835).toFixed(6)
    expect(support('whole milk')).toBe('0.255516')
    expect(support('other vegetables')).toBe('0.193493')
    expect(support('rolls/buns')).toBe('0.183935')
    expect(support('soda')).toBe('0.174377')
    expect(support('yogurt')).toBe('0.139502')
  })
})
