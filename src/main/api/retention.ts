import type { retentionContract } from '../../shared/api/retention'
import { atRiskCard, newCustomersCard, secondPurchaseCard } from '../retention/cards'
import { exportRetentionList } from '../retention/export'
import { retentionList } from '../retention/lists'
import { churnByMonth, secondPurchase } from '../retention/monthly'
import { localToday } from '../../shared/calendar'
import type { Handlers } from './handler'

export const retentionHandlers: Handlers<typeof retentionContract> = {
  getRetentionList: (input, ctx) => retentionList(ctx.db, input, localToday(ctx.now())),
  exportRetentionList: (input, ctx) => exportRetentionList(ctx.db, input, localToday(ctx.now())),
  getSecondPurchase: (input, ctx) => secondPurchase(ctx.db, input?.asOf, localToday(ctx.now())),
  getChurnByMonth: (input, ctx) => churnByMonth(ctx.db, input?.asOf, localToday(ctx.now())),
  getAtRiskCard: (input, ctx) => atRiskCard(ctx.db, input?.asOf, localToday(ctx.now())),
  getNewCustomersCard: (input, ctx) => newCustomersCard(ctx.db, input?.asOf, localToday(ctx.now())),
  getSecondPurchaseCard: (input, ctx) => secondPurchaseCard(ctx.db, input?.asOf, localToday(ctx.now())),
}
