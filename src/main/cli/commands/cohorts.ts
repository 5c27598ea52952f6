import type { Command } from 'commander'
import { computeCohorts } from '../../analysis/cohorts'
import { openForReading, withConnection } from '../database'
import { printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'
import { baht, parseDate, parsePositiveInt } from './analysis-options'

interface CohortsOptions extends GlobalOptions {
  asOf?: string
  months?: number
}

export function registerCohorts(program: Command): void {
  dbOption(program.command('cohorts'))
    .description(
      'monthly acquisition cohorts with retention, new vs returning customers, second-purchase conversion',
    )
    .option('--as-of <date>', 'last day to count (default: the latest sale)', parseDate)
    .option('--months <n>', 'only the last N months', parsePositiveInt)
    .action(async (options: CohortsOptions) => {
      const c = await withConnection(openForReading(options.db), ({ sqlite }) =>
        Promise.resolve(computeCohorts(sqlite, { asOf: options.asOf, months: options.months })),
      )
      const json = {
        as_of: c.asOf,
        cohorts: c.cohorts.map((x) => ({
          month: x.month,
          customers: x.customers,
          active: x.active,
          retention: x.retention.map((v) => Number(v.toFixed(4))),
          revenue: x.revenueSatang.map(baht),
        })),
        new_vs_returning: c.newVsReturning.map((x) => ({
          month: x.month,
          new_customers: x.newCustomers,
          returning_customers: x.returningCustomers,
          new_revenue: baht(x.newRevenueSatang),
          returning_revenue: baht(x.returningRevenueSatang),
          anonymous_revenue: baht(x.anonymousRevenueSatang),
        })),
        second_purchase: c.secondPurchase.map((x) => ({
          month: x.month,
          new_customers: x.newCustomers,
          converted: x.converted,
          within: x.within.map((w) => ({ days: w.days, eligible: w.eligible, converted: w.converted })),
        })),
      }
      if (options.json) {
        printJson(json)
        return
      }
      printLine(`Cohorts as of ${c.asOf ?? '(no sales)'}: share of each cohort buying again k months later`)
      const width = Math.max(0, ...c.cohorts.map((x) => x.active.length))
      printTable(
        ['cohort', 'customers', ...Array.from({ length: width }, (_, k) => `m${k}`)],
        c.cohorts.map((x) => [x.month, x.customers, ...x.retention.map((v) => `${Math.round(v * 100)}%`)]),
      )
      printLine()
      printTable(
        ['month', 'new', 'returning', 'new_revenue', 'returning_revenue', 'walk_in_revenue'],
        json.new_vs_returning.map((x) => [
          x.month,
          x.new_customers,
          x.returning_customers,
          x.new_revenue.toFixed(2),
          x.returning_revenue.toFixed(2),
          x.anonymous_revenue.toFixed(2),
        ]),
      )
    })
}
