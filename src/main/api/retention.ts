import type { retentionContract } from '../../shared/api/retention'
import { atRiskCard, newCustomersCard, secondPurchaseCard } from '../retention/cards'
import { exportRetentionList } from '../retention/export'
import { retentionList } from '../retention/lists'
import { churnByMonth, secondPurchase } from '../retention/monthly'
import type { Handlers } from './handler'

export const retentionHandlers: Handlers<typeof retentionContract> = {
  getRetentionList: (input, ctx) => retentionList(ctx.db, input),
  exportRetentionList: (input, ctx) => exportRetentionList(ctx.db, input),
  getSecondPurchase: (input, ctx) => secondPurchase(ctx.db, input?.asOf),
  getChurnByMonth: (input, ctx) => churnByMonth(ctx.db, input?.asOf),
  getAtRiskCard: (input, ctx) => atRiskCard(ctx.db, input?.asOf),
  getNewCustomersCard: (input, ctx) => newCustomersCard(ctx.db, input?.asOf),
  getSecondPurchaseCard: (input, ctx) => secondPurchaseCard(ctx.db, input?.asOf),
}
