import { z } from 'zod'
import { isoDateSchema } from './dates'
import { exportedFileSchema, tableExportOptionsSchema } from './export'

// Retention views (src/main/retention, README there): at-risk, win-back, new customers without a second
// purchase, birthdays, churn and retention by month, and the dashboard's retention cards. Every figure is as of
// one day: the one asked for, else the day of the last sale.

const isoDate = isoDateSchema

/** The customer lists of the retention and growth pages; each can be exported and printed. */
export const retentionLists = [
  'at_risk',
  'win_back',
  'not_returned',
  'birthdays',
  'referrers',
  'referred',
] as const
export type RetentionList = (typeof retentionLists)[number]

export const asOfInputSchema = z.object({ asOf: isoDate.optional() }).strict().optional()

/** Why a customer is on the at-risk list. */
export const atRiskReasons = ['churn_high', 'overdue'] as const

/** One customer of a list: who, how to reach them, and the figures the list is about. */
export const retentionCustomerSchema = z.object({
  customerId: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  lineId: z.string().nullable(),
  email: z.string().nullable(),
  firstPurchase: isoDate.nullable(),
  lastPurchase: isoDate.nullable(),
  /** Purchase days up to the as-of date. */
  purchaseDays: z.number().int(),
  /** Net spend up to the as-of date (sales less refunds). */
  netSatang: z.number().int(),
  daysSinceLast: z.number().int().nullable(),
  /** at_risk: yearly spend rate (net spend per year as a customer, at least a year counted). */
  valueAtStakeSatang: z.number().int().nullable(),
  /** The customer's own usual gap (three or more purchase days), in days. */
  usualGapDays: z.number().nullable(),
  /** Days since the last purchase / usual gap. */
  overdueRatio: z.number().nullable(),
  /** The churn score of the analysis run used (see RetentionListResult.churnRunAsOf). */
  churnRisk: z.number().nullable(),
  reasons: z.array(z.enum(atRiskReasons)),
  /** birthdays: 'YYYY-MM-DD' and the age the customer turns this year (null when the year looks unknown). */
  birthday: z.string().nullable(),
  turningAge: z.number().int().nullable(),
  /** referred: who brought them; referrers: how many they brought and what those spent. */
  referrerId: z.number().int().nullable(),
  referrerName: z.string().nullable(),
  referredCount: z.number().int().nullable(),
  referredBuyers: z.number().int().nullable(),
  referredNetSatang: z.number().int().nullable(),
})
export type RetentionCustomer = z.infer<typeof retentionCustomerSchema>

export const retentionListInputSchema = z
  .object({
    list: z.enum(retentionLists),
    asOf: isoDate.optional(),
    /** Rows to return (the export and the print take every row). */
    limit: z.number().int().min(1).max(5000).optional(),
  })
  .strict()
export type RetentionListInput = z.infer<typeof retentionListInputSchema>

export const retentionListResultSchema = z.object({
  list: z.enum(retentionLists),
  asOf: isoDate,
  lastSaleDate: isoDate.nullable(),
  /** As-of date of the analysis run whose churn scores the at-risk list uses; null without one. */
  churnRunAsOf: isoDate.nullable(),
  /** Every matching customer, though `customers` holds at most `limit`. */
  total: z.number().int(),
  customers: z.array(retentionCustomerSchema),
})
export type RetentionListResult = z.infer<typeof retentionListResultSchema>

export const secondPurchaseMonthSchema = z.object({
  /** The cohort: customers whose first purchase was in this month. */
  month: z.string(),
  newCustomers: z.number().int(),
  /** Came back on a later day by the as-of date. */
  returned: z.number().int(),
  /** Cohort customers whose first purchase was at least `windowDays` before the as-of date. */
  eligible: z.number().int(),
  /** Of those, came back within `windowDays` days. */
  returnedWithin: z.number().int(),
  /** returnedWithin / eligible; null when nobody is eligible yet. */
  rate: z.number().nullable(),
})

export const secondPurchaseSchema = z.object({
  asOf: isoDate,
  windowDays: z.number().int(),
  months: z.array(secondPurchaseMonthSchema),
  /** Over every eligible customer of the months shown. */
  eligible: z.number().int(),
  returnedWithin: z.number().int(),
  rate: z.number().nullable(),
})
export type SecondPurchase = z.infer<typeof secondPurchaseSchema>

export const churnMonthSchema = z.object({
  month: z.string(),
  /** Active customers (a purchase in the `activeDays` before the 1st) at the start of the month. */
  activeAtStart: z.number().int(),
  /** Of those, still active at the month's end (or the as-of date in its month). */
  retained: z.number().int(),
  churned: z.number().int(),
  /** churned / activeAtStart and retained / activeAtStart; null without active customers. */
  churnRate: z.number().nullable(),
  retentionRate: z.number().nullable(),
  /** Customers whose first purchase was in the month. */
  newCustomers: z.number().int(),
  /** Active at the month's end. */
  activeAtEnd: z.number().int(),
})

export const churnByMonthSchema = z.object({
  asOf: isoDate,
  activeDays: z.number().int(),
  months: z.array(churnMonthSchema),
})
export type ChurnByMonth = z.infer<typeof churnByMonthSchema>

export const atRiskCardSchema = z.object({
  asOf: isoDate,
  customers: z.number().int(),
  valueAtStakeSatang: z.number().int(),
})
export const newCustomersCardSchema = z.object({
  asOf: isoDate,
  thisMonth: z.number().int(),
  lastMonthSameDays: z.number().int(),
  /** The most common acquisition source this month ('unknown' when not recorded); null without new customers. */
  topSource: z.string().nullable(),
})
export const secondPurchaseCardSchema = z.object({
  asOf: isoDate,
  windowDays: z.number().int(),
  /** First purchases in [from, to]: a year of customers whose window has closed. */
  from: isoDate,
  to: isoDate,
  eligible: z.number().int(),
  returnedWithin: z.number().int(),
  rate: z.number().nullable(),
})

export const exportRetentionListInputSchema = tableExportOptionsSchema
  .extend({
    list: z.enum(retentionLists),
    asOf: isoDate.optional(),
    /** The at-risk reasons in the user's language. */
    reasonLabels: z.object({ churn_high: z.string().max(80), overdue: z.string().max(80) }).optional(),
  })
  .strict()
export type ExportRetentionListInput = z.infer<typeof exportRetentionListInputSchema>

export const retentionContract = {
  getRetentionList: { input: retentionListInputSchema, output: retentionListResultSchema },
  exportRetentionList: { input: exportRetentionListInputSchema, output: exportedFileSchema },
  getSecondPurchase: { input: asOfInputSchema, output: secondPurchaseSchema },
  getChurnByMonth: { input: asOfInputSchema, output: churnByMonthSchema },
  getAtRiskCard: { input: asOfInputSchema, output: atRiskCardSchema },
  getNewCustomersCard: { input: asOfInputSchema, output: newCustomersCardSchema },
  getSecondPurchaseCard: { input: asOfInputSchema, output: secondPurchaseCardSchema },
} as const
