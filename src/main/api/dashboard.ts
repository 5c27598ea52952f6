import type { dashboardContract } from '../../shared/api/dashboard'
import { getDashboard, salesPeriod } from '../dashboard'
import type { Handlers } from './handler'

export const dashboardHandlers: Handlers<typeof dashboardContract> = {
  getDashboard: (input, ctx) => getDashboard(ctx.db, input?.asOf),
  getSalesPeriod: (_input, ctx) => salesPeriod(ctx.db),
}
