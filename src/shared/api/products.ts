import { z } from 'zod'
import { isoDateSchema } from './dates'
import { exportedFileSchema, tableExportOptionsSchema } from './export'
import { jobIdSchema, jobSchemaOf } from './job-shape'

// Products and baskets (#14): best sellers, category mix, association rules, "bought together",
// per-customer suggestions and the "bought A but never B" target list.

const isoDate = isoDateSchema
const id = z.number().int().positive()

export const basketLevels = ['product', 'category'] as const
export const basketLevelSchema = z.enum(basketLevels)
export type BasketLevel = z.infer<typeof basketLevelSchema>

export const productSummarySchema = z.object({
  productId: z.number().int(),
  sku: z.string().nullable(),
  name: z.string(),
  category: z.string(),
})
export type ProductSummary = z.infer<typeof productSummarySchema>

export const bestSellerSchema = productSummarySchema.extend({
  quantity: z.number(),
  netSatang: z.number().int(),
  /** Sale receipts the product is on. */
  receipts: z.number().int(),
})

export const productsOverviewSchema = z.object({
  /** Every product with a sale in the period, by net revenue (highest first). */
  bestSellers: z.array(bestSellerSchema),
  /** Net revenue per category per month ('YYYY-MM', oldest first); months without sales are included. */
  categoryMix: z.object({
    months: z.array(z.string()),
    series: z.array(z.object({ category: z.string(), netSatang: z.array(z.number().int()) })),
  }),
})
export type ProductsOverview = z.infer<typeof productsOverviewSchema>

export const basketParamsSchema = z.object({
  level: basketLevelSchema.default('product'),
  /** Share of baskets (receipts) an itemset must be in. */
  minSupport: z.number().gt(0).max(1),
  minConfidence: z.number().min(0).max(1),
  maxSize: z.number().int().min(2).max(20).optional(),
  minLift: z.number().min(0).optional(),
})
export type BasketParams = z.input<typeof basketParamsSchema>

/** An item of a rule: the product's name (and SKU), or the category's name (productId and sku null). */
const ruleItemSchema = z.object({
  name: z.string(),
  sku: z.string().nullable(),
  productId: z.number().int().nullable(),
})

export const basketRuleSchema = z.object({
  antecedent: z.array(ruleItemSchema),
  consequent: z.array(ruleItemSchema),
  /** Baskets holding every item of the rule. */
  count: z.number().int(),
  support: z.number(),
  confidence: z.number(),
  lift: z.number(),
  leverage: z.number(),
  /** null: confidence is 1, the conviction is infinite. */
  conviction: z.number().nullable(),
})
export type BasketRule = z.infer<typeof basketRuleSchema>

/** Rules sent to the page at most (the strongest by lift); totalRules says how many there are. */
export const MAX_RULES_SHOWN = 2000

export const basketRulesSchema = z.object({
  level: basketLevelSchema,
  baskets: z.number().int(),
  /** The fewest baskets an itemset must be in (from minSupport). */
  minCount: z.number().int(),
  itemsets: z.number().int(),
  itemsetsBySize: z.record(z.string(), z.number().int()),
  totalRules: z.number().int(),
  rules: z.array(basketRuleSchema),
})
export type BasketRules = z.infer<typeof basketRulesSchema>

export const boughtTogetherSchema = z.object({
  product: productSummarySchema,
  baskets: z.number().int(),
  /** Sale receipts with this product. */
  withProduct: z.number().int(),
  items: z.array(
    productSummarySchema.extend({
      together: z.number().int(),
      /** Share of this product's receipts that also hold the other. */
      confidence: z.number(),
      lift: z.number(),
    }),
  ),
})
export type BoughtTogether = z.infer<typeof boughtTogetherSchema>

export const suggestionReasonSchema = z.discriminatedUnion('kind', [
  /** A rule whose antecedent the customer has bought. */
  z.object({
    kind: z.literal('rule'),
    because: z.array(productSummarySchema),
    confidence: z.number(),
    lift: z.number(),
  }),
  /** A best seller of a category the customer often buys from. */
  z.object({ kind: z.literal('category'), category: z.string(), purchases: z.number().int() }),
])
export type SuggestionReason = z.infer<typeof suggestionReasonSchema>

export const customerSuggestionSchema = productSummarySchema.extend({
  /** Higher first; rules score their confidence, categories below them. */
  score: z.number(),
  reason: suggestionReasonSchema,
})
export type CustomerSuggestion = z.infer<typeof customerSuggestionSchema>

export const customerSuggestionsSchema = z.object({
  customerId: z.number().int(),
  /** Distinct products the customer has bought. */
  productsBought: z.number().int(),
  suggestions: z.array(customerSuggestionSchema),
})
export type CustomerSuggestions = z.infer<typeof customerSuggestionsSchema>

export const contactRowSchema = z.object({
  customerId: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  lineId: z.string().nullable(),
  email: z.string().nullable(),
})

export const targetListInputSchema = z.object({ boughtProductId: id, neverProductId: id }).strict()

export const targetListSchema = z.object({
  bought: productSummarySchema,
  never: productSummarySchema,
  customers: z.array(
    contactRowSchema.extend({
      /** Sale receipts with the bought product. */
      timesBought: z.number().int(),
      lastBought: z.string(),
    }),
  ),
})
export type TargetList = z.infer<typeof targetListSchema>

/** The basket job's phases (i18n keys): reading the receipts, mining (done/total = items), and the ends. */
export const basketPhases = [
  'baskets.phase.waiting',
  'baskets.phase.reading',
  'baskets.phase.mining',
  'baskets.phase.done',
  'baskets.phase.failed',
  'baskets.phase.cancelled',
] as const
export type BasketPhase = (typeof basketPhases)[number]

/** The basket analysis as a job (progress, cancel): getJob gives the same result as getBasketRules. */
export const basketsJobSchema = jobSchemaOf('baskets', basketRulesSchema)

export const productsContract = {
  startBasketRules: { input: basketParamsSchema.strict(), output: z.object({ jobId: jobIdSchema }) },
  getProductsOverview: {
    input: z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict().optional(),
    output: productsOverviewSchema,
  },
  getBasketRules: { input: basketParamsSchema.strict(), output: basketRulesSchema },
  getBoughtTogether: { input: z.object({ productId: id }).strict(), output: boughtTogetherSchema },
  getCustomerSuggestions: {
    input: z.object({ customerId: id, limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: customerSuggestionsSchema,
  },
  searchSuggestionCustomers: {
    input: z.object({ query: z.string().max(100) }).strict(),
    output: z.array(contactRowSchema),
  },
  getBasketTargetList: { input: targetListInputSchema, output: targetListSchema },
  exportBasketTargetList: {
    input: targetListInputSchema.extend(tableExportOptionsSchema.shape).strict(),
    output: exportedFileSchema,
  },
} as const
