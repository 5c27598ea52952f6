import type { analysisContract } from '../../shared/api/analysis'
import { customerAnalysis } from '../analysis/customer-analysis'
import { startAnalysis } from '../analysis/job'
import {
  customerScoreHistory,
  findRun,
  listRuns,
  segmentCustomers,
  segmentsOverview,
  toRunSummary,
  valueOverview,
} from '../analysis/queries'
import { segmentMigration } from '../analysis/segment-migration'
import { loadSegmentRules, resetSegmentRules, saveSegmentRules } from '../analysis/segment-rules'
import { snapshotCohorts } from '../analysis/stored-cohorts'
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
  getCustomerAnalysis: ({ customerId, runId }, ctx) => customerAnalysis(ctx.db, customerId, runId),
  getCustomerScoreHistory: ({ customerId }, ctx) => customerScoreHistory(ctx.db, customerId),
  getCohorts: (input, ctx) => snapshotCohorts(ctx.connection.sqlite, input ?? {}),
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
