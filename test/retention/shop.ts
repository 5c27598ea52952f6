import type { ApiContext } from '../../src/main/api/context'
import { dispatch } from '../../src/main/api/dispatch'
import type { Input, Method, Output } from '../../src/shared/api'
import { insertSales, type TestSale } from '../helpers/sales'

/** Calls one API method through the real dispatcher (validation both ways) and returns its data. */
export async function api<M extends Method>(ctx: ApiContext, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await dispatch(method, input, ctx)
  if (!result.ok) throw new Error(result.error.message)
  return result.data as Output<M>
}

/** Sales of one customer: the same amount on every day given. */
export function visits(customer: string, baht: number, days: string[]): TestSale[] {
  return days.map((at) => ({ customer, at, baht }))
}

export function addSales(ctx: ApiContext, sales: TestSale[]): Map<string, number> {
  return insertSales(ctx.connection.sqlite, sales)
}

/** One stored analysis run as of `asOf` whose churn level is given for some customers (others low). */
export function storeChurnRun(
  ctx: ApiContext,
  asOf: string,
  levels: Map<number, 'high' | 'medium' | 'low'>,
): void {
  const sqlite = ctx.connection.sqlite
  const run = Number(
    sqlite
      .prepare(
        `insert into analysis_runs (as_of, horizon_days, annual_discount_rate, customers, revenue_satang,
         segment_rules, duration_ms) values (?, 365, 0.1, ?, 0, '{}', 1)`,
      )
      .run(asOf, levels.size).lastInsertRowid,
  )
  const add = sqlite.prepare(
    `insert into analysis_scores (run_id, customer_id, recency_days, frequency, monetary_satang, r, f, m, segment,
     value_tier, purchase_days, first_purchase, last_purchase, churn_risk, churn_level)
     values (?, ?, 0, 1, 0, 1, 1, 1, 'lost', 'rest', 1, ?, ?, ?, ?)`,
  )
  for (const [customer, level] of levels) {
    add.run(run, customer, asOf, asOf, level === 'high' ? 0.95 : level === 'medium' ? 0.8 : 0.2, level)
  }
}
