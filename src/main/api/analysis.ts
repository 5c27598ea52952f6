import type { analysisContract } from '../../shared/api/analysis'
import { explainChurn } from '../analysis/churn'
import { computeCohorts } from '../analysis/cohorts'
import { startAnalysis } from '../analysis/job'
import {
  customerScore,
  customerScoreHistory,
  findRun,
  listRuns,
  segmentCustomers,
  segmentsOverview,
  toCustomerScore,
  toRunSummary,
  valueOverview,
} from '../analysis/queries'
import { segmentMigration } from '../analysis/segment-migration'
import { loadSegmentRules, resetSegmentRules, saveSegmentRules } from '../analysis/segment-rules'
import type { ApiContext } from './context'
import type { Handlers } from './handler'

async function rulesResult(ctx: ApiContext) {
  const { rules, isDefault } = await loadSegmentRules(ctx.db)
  return { ...rules, isDefault }
}

export const analysisHandlers: Handlers<typeof analysisContract> = {
  startAnalysis: (input, ctx) => startAnalysis(ctx.jobs, ctx.connection, input ?? {}),
  listAnalysisRuns: (_input, ctx) => listRuns(ctx.db),
  getAnalysisRun: async (input, ctx) => {
    const run = await findRun(ctx.db, input?.runId)
    return run ? toRunSummary(run) : null
  },
  getSegmentsOverview: (input, ctx) => segmentsOverview(ctx.db, input?.runId),
  listSegmentCustomers: (input, ctx) => segmentCustomers(ctx.db, input),
  getValueOverview: (input, ctx) => valueOverview(ctx.db, input),
  getCustomerAnalysis: async ({ customerId, runId }, ctx) => {
    const found = await customerScore(ctx.db, customerId, runId)
    if (!found) return null
    const { run, row } = found
    return {
      runId: run.id,
      asOf: run.as_of,
      score: toCustomerScore(row),
      churn: explainChurn({
        pAlive: row.p_alive,
        purchaseDays: row.purchase_days,
        usualIntervalDays: row.usual_interval_days,
        daysSinceLast: row.recency_days,
        lastPurchase: row.last_purchase,
        shopIntervalDays: run.shop_interval_days,
      }),
    }
  },
  getCustomerScoreHistory: ({ customerId }, ctx) => customerScoreHistory(ctx.db, customerId),
  getCohorts: (input, ctx) => computeCohorts(ctx.connection.sqlite, input ?? {}),
  getSegmentMigration: (input, ctx) => segmentMigration(ctx.connection, input),
  getSegmentRules: (_input, ctx) => rulesResult(ctx),
  updateSegmentRules: async (input, ctx) => {
    await saveSegmentRules(ctx.db, input)
    return rulesResult(ctx)
  },
  resetSegmentRules: async (_input, ctx) => {
    await resetSegmentRules(ctx.db)
    return rulesResult(ctx)
  },
}
