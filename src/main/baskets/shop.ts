import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { MineHooks } from './eclat'
import { loadBaskets, type LoadOptions } from './load'
import { analyzeBaskets, type BasketParams } from './mine'

// The shop's basket analysis: its receipts as baskets, mined, with every item named (SKU or category).

type Db = Kysely<Database> | Transaction<Database>

export interface NamedRule {
  antecedent: string[]
  consequent: string[]
  /** Product ids of antecedent and consequent (product level only; empty for categories). */
  antecedentIds: number[]
  consequentIds: number[]
  count: number
  support: number
  confidence: number
  lift: number
  leverage: number
  /** null when confidence is 1 (the consequent always comes with the antecedent: infinite conviction). */
  conviction: number | null
}

export interface ShopBasketAnalysis {
  level: LoadOptions['level']
  baskets: number
  minCount: number
  itemsets: number
  itemsetsBySize: number[]
  /** Items in at least one basket, by support count (highest first). */
  items: { name: string; productId: number | null; count: number; support: number }[]
  rules: NamedRule[]
}

export async function shopBasketAnalysis(
  db: Db,
  options: LoadOptions & BasketParams,
  hooks: MineHooks = {},
): Promise<ShopBasketAnalysis> {
  const baskets = await loadBaskets(db, options)
  const result = analyzeBaskets(baskets, options, hooks)
  const n = result.baskets
  const name = (item: number): string => baskets.names[item] ?? ''
  const productId = (item: number): number | null => baskets.productIds[item] ?? null
  const ids = (items: number[]): number[] =>
    options.level === 'product' ? items.map((i) => productId(i) ?? 0) : []
  const items = [...result.itemCounts.entries()]
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || name(a[0]).localeCompare(name(b[0])))
    .map(([item, count]) => ({
      name: name(item),
      productId: options.level === 'product' ? productId(item) : null,
      count,
      support: n === 0 ? 0 : count / n,
    }))
  return {
    level: options.level,
    baskets: n,
    minCount: result.minCount,
    itemsets: result.itemsets,
    itemsetsBySize: result.itemsetsBySize,
    items,
    rules: result.rules.map((r) => ({
      antecedent: r.antecedent.map(name),
      consequent: [name(r.consequent)],
      antecedentIds: ids(r.antecedent),
      consequentIds: ids([r.consequent]),
      count: r.count,
      support: r.support,
      confidence: r.confidence,
      lift: r.lift,
      leverage: r.leverage,
      conviction: r.conviction,
    })),
  }
}
