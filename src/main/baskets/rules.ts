import { LukkhaError } from '../errors'
import { findNode, nodeRanks, type Itemsets } from './eclat'

// Association rules with one item on the right-hand side (as arules' apriori makes them): for every frequent
// itemset Z of size >= 2 and every y in Z, X = Z \ {y} => {y}. The measures, with s() the share of baskets:
//   support = s(Z), confidence = s(Z) / s(X), lift = confidence / s(y),
//   leverage = s(Z) - s(X) s(y), conviction = (1 - s(y)) / (1 - confidence) (null when confidence is 1).

export interface RuleParams {
  /** A rule is kept when count(Z) / count(X) >= minConfidence. */
  minConfidence: number
  /** Keep only rules with lift >= minLift (default 0: all). */
  minLift?: number
}

export interface Rule {
  /** Item ids. */
  antecedent: number[]
  consequent: number
  /** Baskets holding the antecedent and the consequent. */
  count: number
  antecedentCount: number
  support: number
  confidence: number
  lift: number
  leverage: number
  conviction: number | null
}

export function generateRules(sets: Itemsets, params: RuleParams): Rule[] {
  const { minConfidence } = params
  const minLift = params.minLift ?? 0
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new LukkhaError('validation', `min confidence must be between 0 and 1 (got ${minConfidence})`)
  }
  if (!(minLift >= 0)) throw new LukkhaError('validation', `min lift must be 0 or more (got ${minLift})`)
  const n = sets.basketCount
  const rules: Rule[] = []
  const ranks = new Uint32Array(256)
  for (let z = 0; z < sets.size; z++) {
    const len = sets.length[z] ?? 0
    if (len < 2) continue
    nodeRanks(sets, z, ranks)
    const countZ = sets.count[z] ?? 0
    for (let skip = 0; skip < len; skip++) {
      const x = skip === len - 1 ? (sets.parent[z] ?? -1) : findNode(sets, ranks, len, skip)
      // every subset of a frequent itemset is frequent, so x is always found
      const countX = sets.count[x] ?? 0
      const confidence = countZ / countX
      if (confidence < minConfidence) continue
      const y = sets.itemOfRank[ranks[skip] ?? 0] ?? 0
      const supportY = (sets.itemCounts[y] ?? 0) / n
      const lift = confidence / supportY
      if (lift < minLift) continue
      const antecedent: number[] = []
      for (let i = 0; i < len; i++) if (i !== skip) antecedent.push(sets.itemOfRank[ranks[i] ?? 0] ?? 0)
      const support = countZ / n
      rules.push({
        antecedent,
        consequent: y,
        count: countZ,
        antecedentCount: countX,
        support,
        confidence,
        lift,
        leverage: support - (countX / n) * supportY,
        conviction: confidence === 1 ? null : (1 - supportY) / (1 - confidence),
      })
    }
  }
  rules.sort((a, b) => b.lift - a.lift || b.confidence - a.confidence || b.count - a.count)
  return rules
}

/** Number of rules of each size (antecedent + consequent; index = size). */
export function rulesBySize(rules: readonly Rule[]): number[] {
  const bySize: number[] = []
  for (const r of rules) {
    const size = r.antecedent.length + 1
    bySize[size] = (bySize[size] ?? 0) + 1
  }
  return bySize
}
