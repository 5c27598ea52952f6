import type { Baskets } from './baskets'
import { countBySize, mineItemsets, type MineHooks } from './eclat'
import { generateRules, type Rule } from './rules'

// The whole market-basket analysis over baskets in typed arrays: frequent itemsets, then single-consequent
// rules. Plain Node, no database: the job, the CLI, the benchmark and the tests all call this.

export interface BasketParams {
  minSupport: number
  minConfidence: number
  /** Largest itemset (and so rule) size; default no limit. */
  maxSize?: number
  /** Keep rules with at least this lift; default 0 (all). */
  minLift?: number
}

export interface BasketAnalysis {
  baskets: number
  /** The smallest number of baskets an itemset must be in. */
  minCount: number
  itemsets: number
  /** Frequent itemsets by size: index 1 = single items. */
  itemsetsBySize: number[]
  /** Support count of each item id (all items, frequent or not). */
  itemCounts: Uint32Array
  /** Sorted by lift, then confidence, then count (highest first). */
  rules: Rule[]
}

export function analyzeBaskets(
  baskets: Baskets,
  params: BasketParams,
  hooks: MineHooks = {},
): BasketAnalysis {
  const sets = mineItemsets(baskets, { minSupport: params.minSupport, maxSize: params.maxSize }, hooks)
  const rules = generateRules(sets, { minConfidence: params.minConfidence, minLift: params.minLift })
  return {
    baskets: sets.basketCount,
    minCount: sets.minCount,
    itemsets: sets.size,
    itemsetsBySize: countBySize(sets),
    itemCounts: sets.itemCounts,
    rules,
  }
}

/** Itemset counts by size as a JSON object keyed by size ("1", "2", ...). */
export function bySizeObject(bySize: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {}
  bySize.forEach((count, size) => {
    if (size > 0 && count > 0) out[String(size)] = count
  })
  return out
}
