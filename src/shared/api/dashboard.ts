import { z } from 'zod'
import { isoDateSchema } from './dates'

const isoDate = isoDateSchema

export const monthRevenueSchema = z.object({
  /** 'YYYY-MM'. */
  month: z.string(),
  netSatang: z.number().int(),
  receipts: z.number().int(),
})

export const topProductSchema = z.object({
  productId: z.number().int(),
  name: z.string(),
  category: z.string(),
  quantity: z.number(),
  netSatang: z.number().int(),
})

export const dashboardSchema = z.object({
  /** The day the figures are for (default: the last sale's); "this month" is its month up to and including it. */
  asOf: isoDate,
  /** False when asOf is the default: the day of the last sale (today when there are no sales). */
  asOfChosen: z.boolean(),
  /** The day of the latest sale receipt; null in an empty database. */
  lastSaleDate: isoDate.nullable(),
  /** Today on the shop's clock, to say how old the data is. */
  today: isoDate,
  customers: z.number().int(),
  /** Customers with a sale in the 90 days ending on asOf. */
  activeCustomers90d: z.number().int(),
  /** Customers whose first sale falls in asOf's month. */
  newCustomersThisMonth: z.number().int(),
  /** Net revenue (sales less refunds) from the 1st of the month to asOf. */
  revenueThisMonthSatang: z.number().int(),
  /** The same days of last month (1st to asOf's day), for a fair comparison. */
  revenueLastMonthToDateSatang: z.number().int(),
  revenueLastMonthSatang: z.number().int(),
  /** The 12 months up to asOf's month, oldest first, months without sales included. */
  monthlyRevenue: z.array(monthRevenueSchema),
  /** Best sellers of the 90 days ending on asOf, by net revenue. */
  topProducts: z.array(topProductSchema),
})
export type Dashboard = z.infer<typeof dashboardSchema>

/** The cards load one by one (each its own call), so the first screen is useful before all have loaded. */
export const dashboardKpisSchema = dashboardSchema.omit({ monthlyRevenue: true, topProducts: true })
export type DashboardKpis = z.infer<typeof dashboardKpisSchema>
export const dashboardMonthlyRevenueSchema = z.object({ asOf: isoDate, months: z.array(monthRevenueSchema) })
export type DashboardMonthlyRevenue = z.infer<typeof dashboardMonthlyRevenueSchema>
export const dashboardTopProductsSchema = z.object({ asOf: isoDate, products: z.array(topProductSchema) })
export type DashboardTopProducts = z.infer<typeof dashboardTopProductsSchema>
const dashboardInput = z.object({ asOf: isoDate.optional() }).strict().optional()

/** The days the stored sales cover, for every page's "figures up to" line and how old the data is. */
export const salesPeriodSchema = z.object({
  firstSaleDate: isoDate.nullable(),
  lastSaleDate: isoDate.nullable(),
  today: isoDate,
})
export type SalesPeriod = z.infer<typeof salesPeriodSchema>

export const dashboardContract = {
  getSalesPeriod: { input: z.undefined(), output: salesPeriodSchema },
  getDashboard: { input: dashboardInput, output: dashboardSchema },
  getDashboardKpis: { input: dashboardInput, output: dashboardKpisSchema },
  getDashboardMonthlyRevenue: { input: dashboardInput, output: dashboardMonthlyRevenueSchema },
  getDashboardTopProducts: { input: dashboardInput, output: dashboardTopProductsSchema },
} as const
