import type { dashboardContract } from '../../shared/api/dashboard'
import {
  dashboardKpis,
  dashboardMonthlyRevenue,
  dashboardTopProducts,
  getDashboard,
  salesPeriod,
} from '../dashboard'
import type { Handlers } from './handler'

export const dashboardHandlers: Handlers<typeof dashboardContract> = {
  getDashboard: (input, ctx) => getDashboard(ctx.db, input?.asOf),
  getDashboardKpis: (input, ctx) => dashboardKpis(ctx.db, input?.asOf),
  getDashboardMonthlyRevenue: (input, ctx) => dashboardMonthlyRevenue(ctx.db, input?.asOf),
  getDashboardTopProducts: (input, ctx) => dashboardTopProducts(ctx.db, input?.asOf),
  getSalesPeriod: (_input, ctx) => salesPeriod(ctx.db),
}
