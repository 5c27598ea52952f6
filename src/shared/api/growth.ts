import { z } from 'zod'
import { isoDateSchema } from './dates'
import { asOfInputSchema } from './retention'

// Growth views (src/main/retention/growth.ts, referrals.ts): new customers by acquisition source, referrals,
// new vs returning revenue and where the growth of sales comes from. The referral lists are retention lists
// ('referrers', 'referred') so they share the export and the print.

const isoDate = isoDateSchema

export const acquisitionMonthSchema = z.object({
  month: z.string(),
  total: z.number().int(),
  /** New customers by acquisition source ('unknown' when not recorded). */
  bySource: z.record(z.string(), z.number().int()),
})

export const acquisitionSchema = z.object({
  asOf: isoDate,
  /** Sources seen in the months shown, most new customers first. */
  sources: z.array(z.object({ source: z.string(), customers: z.number().int() })),
  months: z.array(acquisitionMonthSchema),
})
export type Acquisition = z.infer<typeof acquisitionSchema>

export const revenueMonthSchema = z.object({
  month: z.string(),
  /** Customers in their first month, and their net revenue that month. */
  newCustomers: z.number().int(),
  newSatang: z.number().int(),
  /** Customers acquired before the month (the existing base) who bought in it, and their net revenue. */
  returningCustomers: z.number().int(),
  returningSatang: z.number().int(),
  /** Sales without a customer. */
  walkInSatang: z.number().int(),
  totalSatang: z.number().int(),
})

const periodSchema = z.object({
  from: z.string(),
  to: z.string(),
  newSatang: z.number().int(),
  returningSatang: z.number().int(),
  walkInSatang: z.number().int(),
  totalSatang: z.number().int(),
})

export const revenueGrowthSchema = z.object({
  asOf: isoDate,
  /** The last 12 months, oldest first; the as-of month only up to the as-of date. */
  months: z.array(revenueMonthSchema),
  /** The 12 months to the as-of month and the 12 before, and the change split by where it came from. */
  current: periodSchema,
  previous: periodSchema,
  change: z.object({
    totalSatang: z.number().int(),
    fromExistingSatang: z.number().int(),
    fromNewSatang: z.number().int(),
    fromWalkInSatang: z.number().int(),
    /** totalSatang / previous total; null when there was no previous revenue. */
    growth: z.number().nullable(),
  }),
})
export type RevenueGrowth = z.infer<typeof revenueGrowthSchema>

export const referralSummarySchema = z.object({
  asOf: isoDate,
  referred: z.number().int(),
  /** Referred customers with a purchase by the as-of date. */
  referredBuyers: z.number().int(),
  referrers: z.number().int(),
  referredNetSatang: z.number().int(),
  /** referredNetSatang / every customer's net revenue; null without revenue. */
  shareOfRevenue: z.number().nullable(),
})
export type ReferralSummary = z.infer<typeof referralSummarySchema>

export const growthContract = {
  getAcquisition: { input: asOfInputSchema, output: acquisitionSchema },
  getRevenueGrowth: { input: asOfInputSchema, output: revenueGrowthSchema },
  getReferralSummary: { input: asOfInputSchema, output: referralSummarySchema },
} as const
