import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import {
  MAX_RULES_SHOWN,
  basketParamsSchema,
  type BasketParams,
  type BasketRules,
  type BoughtTogether,
  type ProductSummary,
} from '../../shared/api/products'
import { LukkhaError } from '../errors'
import { cachedBaskets } from './cache'
import type { MineHooks } from './eclat'
import { analyzeBaskets, bySizeObject } from './mine'
import { boughtTogether } from './together'

// What the Products page asks for: the rules table and a product's "bought together", over the shop's
// cached baskets.

export async function productSummaries(
  db: Kysely<Database>,
  ids?: number[],
): Promise<Map<number, ProductSummary>> {
  let query = db.selectFrom('products').select(['id as productId', 'sku', 'name', 'category'])
  if (ids) {
    if (ids.length === 0) return new Map()
    query = query.where('id', 'in', ids)
  }
  return new Map((await query.execute()).map((p) => [p.productId, p]))
}

/** The id of the product with this SKU; not_found naming the SKU otherwise (the CLI names products by SKU). */
export async function productIdBySku(db: Kysely<Database>, sku: string): Promise<number> {
  const row = await db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirst()
  if (!row) throw new LukkhaError('not_found', `There is no product with the SKU ${sku}.`)
  return row.id
}

export async function basketRules(
  db: Kysely<Database>,
  input: BasketParams,
  hooks: MineHooks = {},
): Promise<BasketRules> {
  const params = basketParamsSchema.parse(input)
  const baskets = await cachedBaskets(db, { level: params.level })
  const result = analyzeBaskets(baskets, params, hooks)
  const products = params.level === 'product' ? await productSummaries(db) : new Map<number, ProductSummary>()
  const item = (i: number): { name: string; sku: string | null; productId: number | null } => {
    const product = params.level === 'product' ? products.get(baskets.productIds[i] ?? -1) : undefined
    return product
      ? { name: product.name, sku: product.sku, productId: product.productId }
      : { name: baskets.names[i] ?? '', sku: null, productId: null }
  }
  return {
    level: params.level,
    baskets: result.baskets,
    minCount: result.minCount,
    itemsets: result.itemsets,
    itemsetsBySize: bySizeObject(result.itemsetsBySize),
    totalRules: result.rules.length,
    rules: result.rules.slice(0, MAX_RULES_SHOWN).map((r) => ({
      antecedent: r.antecedent.map(item),
      consequent: [item(r.consequent)],
      count: r.count,
      support: r.support,
      confidence: r.confidence,
      lift: r.lift,
      leverage: r.leverage,
      conviction: r.conviction,
    })),
  }
}

export async function productBoughtTogether(
  db: Kysely<Database>,
  productId: number,
): Promise<BoughtTogether> {
  const products = await productSummaries(db)
  const product = products.get(productId)
  if (!product) throw new LukkhaError('not_found', `There is no product with id ${productId}.`)
  const baskets = await cachedBaskets(db, { level: 'product' })
  const item = baskets.productIds.indexOf(productId)
  const found = boughtTogether(baskets, item)
  return {
    product,
    baskets: found.baskets,
    withProduct: found.withItem,
    items: found.items.flatMap((t) => {
      const other = products.get(baskets.productIds[t.item] ?? -1)
      return other ? [{ ...other, together: t.together, confidence: t.confidence, lift: t.lift }] : []
    }),
  }
}
