import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { CustomerSuggestion, CustomerSuggestions } from '../../shared/api/products'
import { LukkhaError } from '../errors'
import type { ShopBaskets } from './load'
import { cachedBaskets } from './cache'
import { analyzeBaskets } from './mine'
import type { Rule } from './rules'
import { productSummaries } from './rules-page'

// What to offer one customer: products they have not bought that
// 1. a rule suggests: its antecedent is all bought by them (score = the rule's confidence, the best rule per
//    product; only rules with lift >= 1.2, where buying the antecedent really raises the chance), or
// 2. their own history suggests: a best seller of a category they bought from at least twice (score at most
//    0.05, so below any rule: share of their purchases in that category x the product's share of the
//    category's best seller's baskets x 0.05).

const RULE_PARAMS = { minConfidence: 0.05, maxSize: 3, minLift: 1.2 }
const CATEGORY_WEIGHT = 0.05
const MIN_CATEGORY_PURCHASES = 2
const PER_CATEGORY = 3

const rulesByBaskets = new WeakMap<ShopBaskets, Rule[]>()

function suggestionRules(baskets: ShopBaskets): Rule[] {
  let rules = rulesByBaskets.get(baskets)
  if (!rules) {
    const n = baskets.offsets.length - 1
    // at least 5 baskets (or 0.1 %) so a rule is not one household's habit
    const minSupport = n === 0 ? 1 : Math.min(1, Math.max(0.001, 5 / n))
    rules = analyzeBaskets(baskets, { ...RULE_PARAMS, minSupport }).rules
    rulesByBaskets.set(baskets, rules)
  }
  return rules
}

export async function customerSuggestions(
  db: Kysely<Database>,
  customerId: number,
  limit = 10,
): Promise<CustomerSuggestions> {
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', customerId)
    .executeTakeFirst()
  if (!customer) throw new LukkhaError('not_found', `There is no customer with id ${customerId}.`)
  const bought = await db
    .selectFrom('receipt_lines as l')
    .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .select((eb) => [
      'p.id as productId',
      'p.category as category',
      eb.fn.count<number>('r.id').distinct().as('receipts'),
    ])
    .where('r.customer_id', '=', customerId)
    .where('r.kind', '=', 'sale')
    .where('l.quantity', '>', 0)
    .groupBy('p.id')
    .execute()
  const boughtIds = new Set(bought.map((b) => b.productId))
  const baskets = await cachedBaskets(db, { level: 'product' })
  const products = await productSummaries(db)
  const best = new Map<number, CustomerSuggestion>()
  const offer = (productId: number, score: number, reason: CustomerSuggestion['reason']): void => {
    const product = products.get(productId)
    if (!product || boughtIds.has(productId)) return
    const known = best.get(productId)
    if (!known || score > known.score) best.set(productId, { ...product, score, reason })
  }

  for (const rule of suggestionRules(baskets)) {
    const antecedent = rule.antecedent.map((i) => baskets.productIds[i] ?? -1)
    if (!antecedent.every((id) => boughtIds.has(id))) continue
    offer(baskets.productIds[rule.consequent] ?? -1, rule.confidence, {
      kind: 'rule',
      because: antecedent.flatMap((id) => products.get(id) ?? []),
      confidence: rule.confidence,
      lift: rule.lift,
    })
  }

  // Best sellers (by baskets) of each category the customer keeps buying from
  const n = baskets.offsets.length - 1
  const basketCount = new Uint32Array(baskets.names.length)
  const seen = new Int32Array(baskets.names.length).fill(-1)
  for (let b = 0; b < n; b++) {
    for (let i = baskets.offsets[b] ?? 0; i < (baskets.offsets[b + 1] ?? 0); i++) {
      const item = baskets.items[i] ?? 0
      if (seen[item] === b) continue
      seen[item] = b
      basketCount[item] = (basketCount[item] ?? 0) + 1
    }
  }
  const byCategory = new Map<string, { productId: number; count: number }[]>()
  baskets.productIds.forEach((productId, item) => {
    const category = products.get(productId)?.category
    if (category === undefined || (basketCount[item] ?? 0) === 0) return
    const list = byCategory.get(category) ?? []
    list.push({ productId, count: basketCount[item] ?? 0 })
    byCategory.set(category, list)
  })
  const purchases = new Map<string, number>()
  let total = 0
  for (const b of bought) {
    purchases.set(b.category, (purchases.get(b.category) ?? 0) + b.receipts)
    total += b.receipts
  }
  for (const [category, count] of purchases) {
    if (count < MIN_CATEGORY_PURCHASES) continue
    const list = (byCategory.get(category) ?? []).sort(
      (a, b) => b.count - a.count || a.productId - b.productId,
    )
    const top = list[0]?.count ?? 1
    for (const p of list.filter((p) => !boughtIds.has(p.productId)).slice(0, PER_CATEGORY)) {
      offer(p.productId, CATEGORY_WEIGHT * (count / total) * (p.count / top), {
        kind: 'category',
        category,
        purchases: count,
      })
    }
  }

  return {
    customerId,
    productsBought: boughtIds.size,
    suggestions: [...best.values()]
      .sort((a, b) => b.score - a.score || a.productId - b.productId)
      .slice(0, limit),
  }
}
