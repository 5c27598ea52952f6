import { z } from 'zod'
import { isoDateSchema as isoDate } from './dates'

// The analysis API's cohorts: monthly acquisition cohorts and their retention, new vs returning revenue and
// second-purchase conversion (re-exported from analysis.ts, where the contract lists getCohorts).

const money = z.number().int()
const share = z.number().min(0).max(1)

export const cohortsInput = z
  .object({
    /** Default: the date of the latest sale receipt. */
    asOf: isoDate.optional(),
    /** Only the last N months (all when absent). */
    months: z.number().int().min(1).max(240).optional(),
  })
  .optional()

export const cohortsSchema = z.object({
  asOf: z.string().nullable(),
  cohorts: z.array(
    z.object({
      /** 'YYYY-MM' of the customers' first sale. */
      month: z.string(),
      customers: z.number().int(),
      /** active[k]: customers of the cohort with a sale in month k after acquisition (k = 0 is all of them). */
      active: z.array(z.number().int()),
      /** retention[k] = active[k] / customers. */
      retention: z.array(share),
      revenueSatang: z.array(money),
    }),
  ),
  newVsReturning: z.array(
    z.object({
      month: z.string(),
      newCustomers: z.number().int(),
      returningCustomers: z.number().int(),
      newRevenueSatang: money,
      returningRevenueSatang: money,
      /** Sales without a known customer (walk-in). */
      anonymousRevenueSatang: money,
    }),
  ),
  secondPurchase: z.array(
    z.object({
      month: z.string(),
      newCustomers: z.number().int(),
      /** Came back on a later day by asOf. */
      converted: z.number().int(),
      /** Within 30, 60 and 90 days; eligible = acquired at least that many days before asOf. */
      within: z.array(
        z.object({ days: z.number().int(), eligible: z.number().int(), converted: z.number().int() }),
      ),
    }),
  ),
})
export type Cohorts = z.infer<typeof cohortsSchema>

/** getCohorts: the latest snapshot's stored cohorts (runId) when no date is chosen, else live (runId null). */
export const snapshotCohortsSchema = cohortsSchema.extend({ runId: z.number().int().nullable() })
