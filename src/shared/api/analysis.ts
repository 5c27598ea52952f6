import { z } from 'zod'
import { isoDateSchema } from './dates'
import { cohortsInput, snapshotCohortsSchema } from './analysis-cohorts'
import { migrationInput, segmentMigrationSchema } from './analysis-migration'
import { jobSchemaOf } from './job-shape'

export * from './analysis-cohorts'
export * from './analysis-migration'

// The analysis API: RFM segments, value (CLV) and churn, cohorts, segment migration and the editable segment
// map. Runs are snapshots: startAnalysis computes one in a worker thread and stores it; the read methods take
// an optional runId and default to the latest run. Money is integer satang; dates are 'YYYY-MM-DD'.

const isoDate = isoDateSchema

/** Stable snake_case segment key, used from the table to the UI's i18n keys (segments.<id>.name). */
export const segmentIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'a segment id is snake_case: a-z, 0-9 and _')
  .max(40)

/** The built-in segments, in display order. A user's map may rename them or add others. */
export const defaultSegmentIds = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
] as const
export type DefaultSegmentId = (typeof defaultSegmentIds)[number]

/** Value tiers by net spend rank: top 1 %, next to 5 %, to 20 %, to 50 %, the rest. */
export const valueTiers = ['top_1', 'top_5', 'top_20', 'top_50', 'rest'] as const
export type ValueTier = (typeof valueTiers)[number]

export const churnLevels = ['low', 'medium', 'high'] as const
export type ChurnLevel = (typeof churnLevels)[number]

const runIdInput = z.object({ runId: z.number().int().positive().optional() })
const money = z.number().int()
const share = z.number().min(0).max(1)

// ---- running an analysis --------------------------------------------------------------------------------

export const analysisOptionsSchema = z.object({
  /** Inclusive; default: the date of the latest sale receipt. */
  asOf: isoDate.optional(),
  /** RFM window in days ending on asOf; null or absent: all history up to asOf. */
  windowDays: z.number().int().min(1).max(36_500).nullable().optional(),
  /** CLV horizon in days (default 365). */
  horizonDays: z.number().int().min(1).max(3650).optional(),
  /** Yearly discount rate for CLV, e.g. 0.1 for 10 % (default 0.1). */
  annualDiscountRate: z.number().min(0).max(1).optional(),
})
export type AnalysisOptions = z.infer<typeof analysisOptionsSchema>

/** The phases an analysis job reports (job events and getJob), in order; i18n keys. */
export const analysisPhases = [
  'analysis.phase.waiting',
  'analysis.phase.starting',
  'analysis.phase.reading',
  'analysis.phase.scoring',
  'analysis.phase.fitting',
  'analysis.phase.predicting',
  'analysis.phase.saving',
  'analysis.phase.done',
  'analysis.phase.failed',
] as const
export type AnalysisPhase = (typeof analysisPhases)[number]

/** An analysis job (getJob): its result is the stored run's id. */
export const analysisJobSchema = jobSchemaOf('analysis', z.object({ runId: z.number().int() }))
export type AnalysisJob = z.infer<typeof analysisJobSchema>

export const bgnbdModelSchema = z.object({
  r: z.number(),
  /** Per day. */
  alpha: z.number(),
  a: z.number(),
  b: z.number(),
  logLikelihood: z.number(),
})
export const gammaGammaModelSchema = z.object({
  p: z.number(),
  q: z.number(),
  /** In baht. */
  gamma: z.number(),
  logLikelihood: z.number(),
})

export const analysisRunSchema = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  windowDays: z.number().int().nullable(),
  horizonDays: z.number().int(),
  annualDiscountRate: z.number(),
  customers: z.number().int(),
  revenueSatang: money,
  bgnbd: bgnbdModelSchema.nullable(),
  gammaGamma: gammaGammaModelSchema.nullable(),
  /** Why a model is missing (too little data, did not converge), in English for logs; null when both fitted. */
  modelNote: z.string().nullable(),
  shopIntervalDays: z.number().nullable(),
  durationMs: z.number().int(),
  createdAt: z.string(),
})
export type AnalysisRunSummary = z.infer<typeof analysisRunSchema>

// ---- segments ----------------------------------------------------------------------------------------------

const cellSchema = z.object({ r: z.number().int().min(1).max(5), fm: z.number().int().min(1).max(5) })

export const segmentRuleSchema = z.object({
  id: segmentIdSchema,
  nameTh: z.string().trim().min(1).max(80),
  nameEn: z.string().trim().min(1).max(80),
  actionTh: z.string().trim().min(1).max(500),
  actionEn: z.string().trim().min(1).max(500),
  /** The (R, FM) cells of this segment, FM = round((F + M) / 2) rounding halves up. */
  cells: z.array(cellSchema).min(1),
  /**
   * The lowest F score a customer needs to be in this segment (default 1). Segments that mean repeat buying
   * need 2: F >= 2 guarantees two or more receipts. A customer below it goes to the segment of cell (R, FM 1).
   */
  minF: z.number().int().min(1).max(5).optional(),
})
export type SegmentRule = z.infer<typeof segmentRuleSchema>

export const segmentRulesSchema = z.object({
  segments: z.array(segmentRuleSchema).min(1).max(25),
})
export type SegmentRules = z.infer<typeof segmentRulesSchema>

export const segmentRulesResultSchema = segmentRulesSchema.extend({
  /** True when no map is stored and the built-in default applies. */
  isDefault: z.boolean(),
})

export const segmentSummarySchema = z.object({
  id: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  actionTh: z.string(),
  actionEn: z.string(),
  customers: z.number().int(),
  customerShare: share,
  revenueSatang: money,
  /** Share of the run's net revenue (can fall outside 0..1 when refunds make some totals negative). */
  revenueShare: z.number(),
  avgRecencyDays: z.number().nullable(),
  avgFrequency: z.number().nullable(),
  avgMonetarySatang: z.number().nullable(),
  clvSatang: money.nullable(),
})
export type SegmentSummary = z.infer<typeof segmentSummarySchema>

export const segmentsOverviewSchema = z.object({
  run: analysisRunSchema,
  segments: z.array(segmentSummarySchema),
  /** The 5 x 5 heatmap: every (R, FM) cell with its segment and counts. */
  grid: z.array(
    z.object({
      r: z.number().int(),
      fm: z.number().int(),
      segment: z.string(),
      customers: z.number().int(),
      revenueSatang: money,
    }),
  ),
})
export type SegmentsOverview = z.infer<typeof segmentsOverviewSchema>

export const customerScoreSchema = z.object({
  customerId: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  /** Contact details from the customer book, so every list can be acted on. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  lineId: z.string().nullable(),
  recencyDays: z.number().int(),
  frequency: z.number().int(),
  monetarySatang: money,
  r: z.number().int(),
  f: z.number().int(),
  m: z.number().int(),
  segment: z.string(),
  valueTier: z.enum(valueTiers),
  firstPurchase: z.string(),
  lastPurchase: z.string(),
  pAlive: z.number().nullable(),
  expectedPurchases30: z.number().nullable(),
  expectedPurchases90: z.number().nullable(),
  expectedPurchases365: z.number().nullable(),
  expectedSpendSatang: money.nullable(),
  clvSatang: money.nullable(),
  /** The churn score (chance of no purchase in the next 90 days); churnLevel is derived from it. */
  churnRisk: z.number().nullable(),
  churnLevel: z.enum(churnLevels),
})
export type CustomerScore = z.infer<typeof customerScoreSchema>

export const customerSortKeys = [
  'monetary',
  'recency',
  'frequency',
  'clv',
  'p_alive',
  'churn_risk',
  'name',
] as const

/**
 * The analysis's customer lists: a segment's customers, the best customers (by predicted value) and the
 * customers slipping away (churn level high or medium). Each has its own menu page, and its export and
 * printout list the same customers in the same order.
 */
export const customerListKinds = ['segment', 'best_customers', 'at_risk'] as const
export type CustomerListKind = (typeof customerListKinds)[number]

export const segmentCustomersInput = z.object({
  runId: z.number().int().positive().optional(),
  /** Default 'segment' (then `segment` is required). */
  list: z.enum(customerListKinds).optional(),
  segment: segmentIdSchema.optional(),
  /** From 1 (default 1). */
  page: z.number().int().min(1).optional(),
  /** Default 50. */
  pageSize: z.number().int().min(1).max(500).optional(),
  /** Default: the list's own order (segment: spend; best: predicted value; at risk: level, then spend). */
  sort: z.enum(customerSortKeys).optional(),
  /** Default 'desc'. */
  direction: z.enum(['asc', 'desc']).optional(),
})
export type SegmentCustomersQuery = z.infer<typeof segmentCustomersInput>

export const customerPageSchema = z.object({
  runId: z.number().int(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(customerScoreSchema),
})
export type CustomerPage = z.infer<typeof customerPageSchema>

// ---- value -------------------------------------------------------------------------------------------------

export const valueInput = z
  .object({
    runId: z.number().int().positive().optional(),
    /** CLV histogram bins (default 20). */
    bins: z.number().int().min(2).max(100).optional(),
    /** Length of the top-customer and at-risk lists (default 20). */
    limit: z.number().int().min(1).max(200).optional(),
  })
  .optional()
export type ValueQuery = z.infer<typeof valueInput>

export const valueOverviewSchema = z.object({
  run: analysisRunSchema,
  totalClvSatang: money.nullable(),
  /** Equal-width CLV bins from 0; the last bin is open-ended (toSatang null) and holds the top 1 %. */
  clvHistogram: z.array(
    z.object({ fromSatang: money, toSatang: money.nullable(), customers: z.number().int() }),
  ),
  tiers: z.array(
    z.object({
      tier: z.enum(valueTiers),
      customers: z.number().int(),
      revenueSatang: money,
      revenueShare: z.number(),
    }),
  ),
  /** Cumulative revenue share of the top customers, at every 5 % of customers (Pareto curve). */
  pareto: z.array(z.object({ customerShare: share, revenueShare: z.number() })),
  /** Smallest share of customers (best first) that brings 80 % of the revenue; null if revenue <= 0. */
  customerShareFor80: share.nullable(),
  topCustomers: z.array(customerScoreSchema),
  /** Valuable customers likely to be lost: churn level high or medium, highest net spend first. */
  atRisk: z.array(customerScoreSchema),
})
export type ValueOverview = z.infer<typeof valueOverviewSchema>

// ---- churn explanation -------------------------------------------------------------------------------------

export const churnExplanationSchema = z.object({
  level: z.enum(churnLevels),
  /**
   * The churn score the level is derived from: the chance of no purchase in the next horizonDays days
   * (BG/NBD; a rhythm-based fallback without a fitted model); null when there is nothing to measure against.
   */
  risk: z.number().nullable(),
  /** The score's horizon in days. */
  horizonDays: z.number().int(),
  pAlive: z.number().nullable(),
  /**
   * 'rhythm': three or more purchase days, so the customer has a rhythm of their own; 'rhythm_unknown': two
   * purchase days, too few to know it; 'single_purchase': one.
   */
  kind: z.enum(['rhythm', 'rhythm_unknown', 'single_purchase']),
  purchaseDays: z.number().int(),
  usualIntervalDays: z.number().nullable(),
  daysSinceLast: z.number().int(),
  lastPurchase: z.string(),
  /** Median usual interval over the shop's repeat customers; the yardstick for one-time buyers. */
  shopIntervalDays: z.number().nullable(),
  /** daysSinceLast / the usual interval (the customer's own, or the shop's without a rhythm of their own). */
  overdueRatio: z.number().nullable(),
  /** The same explanation as sentences, for the CLI and as a fallback; the UI formats the fields via i18n. */
  text: z.object({ th: z.string(), en: z.string() }),
})
export type ChurnExplanation = z.infer<typeof churnExplanationSchema>

export const customerAnalysisSchema = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  score: customerScoreSchema,
  churn: churnExplanationSchema,
})
export type CustomerAnalysis = z.infer<typeof customerAnalysisSchema>

/** One customer's scores in every stored run, oldest first: how they changed over time. */
export const customerScoreHistorySchema = z.array(
  z.object({
    runId: z.number().int(),
    asOf: z.string(),
    segment: z.string(),
    r: z.number().int(),
    f: z.number().int(),
    m: z.number().int(),
    monetarySatang: money,
    pAlive: z.number().nullable(),
    clvSatang: money.nullable(),
    churnLevel: z.enum(churnLevels),
  }),
)
export type CustomerScoreHistory = z.infer<typeof customerScoreHistorySchema>

/**
 * startAnalysis: a request while a job runs joins that job, unless it says the sales changed after the job
 * began (afterDataChange, sent after an import or an undo): then a fresh run is queued to start when the
 * running one ends (phase 'analysis.phase.waiting' until then), and further requests join the queued one.
 */
export const runAnalysisInput = analysisOptionsSchema.extend({ afterDataChange: z.boolean().optional() })
export type RunAnalysisInput = z.infer<typeof runAnalysisInput>

export const analysisContract = {
  startAnalysis: {
    input: runAnalysisInput.optional(),
    output: z.object({ jobId: z.string(), alreadyRunning: z.boolean() }),
  },
  listAnalysisRuns: { input: z.undefined(), output: z.array(analysisRunSchema) },
  getAnalysisRun: { input: runIdInput.optional(), output: analysisRunSchema.nullable() },
  getSegmentsOverview: { input: runIdInput.optional(), output: segmentsOverviewSchema.nullable() },
  listSegmentCustomers: { input: segmentCustomersInput, output: customerPageSchema },
  getValueOverview: { input: valueInput, output: valueOverviewSchema.nullable() },
  getCustomerAnalysis: {
    input: z.object({
      customerId: z.number().int().positive(),
      runId: z.number().int().positive().optional(),
    }),
    output: customerAnalysisSchema.nullable(),
  },
  getCustomerScoreHistory: {
    input: z.object({ customerId: z.number().int().positive() }),
    output: customerScoreHistorySchema,
  },
  getCohorts: { input: cohortsInput, output: snapshotCohortsSchema },
  getSegmentMigration: { input: migrationInput, output: segmentMigrationSchema },
  getSegmentRules: { input: z.undefined(), output: segmentRulesResultSchema },
  updateSegmentRules: { input: segmentRulesSchema, output: segmentRulesResultSchema },
  resetSegmentRules: { input: z.undefined(), output: segmentRulesResultSchema },
} as const
