import type { growthContract } from '../../shared/api/growth'
import { acquisition, referralSummary, revenueGrowth } from '../retention/growth'
import { localToday } from '../../shared/calendar'
import type { Handlers } from './handler'

export const growthHandlers: Handlers<typeof growthContract> = {
  getAcquisition: (input, ctx) => acquisition(ctx.db, input?.asOf, localToday(ctx.now())),
  getRevenueGrowth: (input, ctx) => revenueGrowth(ctx.db, input?.asOf, localToday(ctx.now())),
  getReferralSummary: (input, ctx) => referralSummary(ctx.db, input?.asOf, localToday(ctx.now())),
}
