import type { Kysely } from 'kysely'
import type { CustomerAnalysis } from '../../shared/api/analysis'
import type { Database } from '../db/schema'
import { explainChurn } from './churn'
import { customerScore, toCustomerScore } from './queries'

/** One customer's scores in a run (the latest by default) with the churn level explained; null if unscored. */
export async function customerAnalysis(
  db: Kysely<Database>,
  customerId: number,
  runId?: number,
): Promise<CustomerAnalysis | null> {
  const found = await customerScore(db, customerId, runId)
  if (!found) return null
  const { run, row } = found
  return {
    runId: run.id,
    asOf: run.as_of,
    score: toCustomerScore(row),
    churn: explainChurn({
      risk: row.churn_risk,
      pAlive: row.p_alive,
      purchaseDays: row.purchase_days,
      usualIntervalDays: row.usual_interval_days,
      daysSinceLast: row.recency_days,
      lastPurchase: row.last_purchase,
      shopIntervalDays: run.shop_interval_days,
    }),
  }
}
