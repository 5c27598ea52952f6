import type { dashboardContract } from '../../shared/api/dashboard'
import { localToday } from '../../shared/calendar'
import {
  dashboardKpis,
  dashboardMonthlyRevenue,
  dashboardTopProducts,
  getDashboard,
  salesPeriod,
} from '../dashboard'
import type { Handlers } from './handler'

export const dashboardHandlers: Handlers<typeof dashboardContract> = {
  getDashboard: (input, ctx) => getDashboard(ctx.db, input?.asOf, localToday(ctx.now())),
  getDashboardKpis: (input, ctx) => dashboardKpis(ctx.db, input?.asOf, localToday(ctx.now())),
  getDashboardMonthlyRevenue: (input, ctx) =>
    dashboardMonthlyRevenue(ctx.db, input?.asOf, localToday(ctx.now())),
  getDashboardTopProducts: (input, ctx) => dashboardTopProducts(ctx.db, input?.asOf, localToday(ctx.now())),
  getSalesPeriod: (_input, ctx) => salesPeriod(ctx.db, localToday(ctx.now())),
}
