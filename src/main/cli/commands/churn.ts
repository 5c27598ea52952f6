import type { Command } from 'commander'
import { explainChurn } from '../../analysis/churn'
import { customerScore } from '../../analysis/queries'
import { customerIdByCode } from '../../customers/codes'
import { openForReading, withConnection } from '../database'
import { CliError, printJson, printLine } from '../output'
import { dbOption, type GlobalOptions } from '../options'
import { parsePositiveInt } from './analysis-options'

interface ChurnOptions extends GlobalOptions {
  customer: string
  run?: number
}

export function registerChurn(program: Command): void {
  dbOption(program.command('churn'))
    .description("explain a customer's churn risk from the latest analysis run (run `analyze` first)")
    .requiredOption('--customer <code>', 'the customer code')
    .option('--run <id>', 'an earlier analysis run', parsePositiveInt)
    .action(async (options: ChurnOptions) => {
      const explanation = await withConnection(openForReading(options.db), async ({ db }) => {
        const customerId = await customerIdByCode(db, options.customer)
        if (customerId === null) throw new CliError(`There is no customer with code ${options.customer}.`)
        const found = await customerScore(db, customerId, options.run)
        if (!found)
          throw new CliError(`Customer ${options.customer} is not in the analysis run (run analyze first).`)
        return explainChurn({
          risk: found.row.churn_risk,
          pAlive: found.row.p_alive,
          purchaseDays: found.row.purchase_days,
          usualIntervalDays: found.row.usual_interval_days,
          daysSinceLast: found.row.recency_days,
          lastPurchase: found.row.last_purchase,
          shopIntervalDays: found.run.shop_interval_days,
        })
      })
      if (options.json)
        printJson({
          level: explanation.level,
          risk: explanation.risk,
          p_alive: explanation.pAlive,
          kind: explanation.kind,
          purchase_days: explanation.purchaseDays,
          usual_interval_days: explanation.usualIntervalDays,
          days_since_last: explanation.daysSinceLast,
          last_purchase: explanation.lastPurchase,
          shop_interval_days: explanation.shopIntervalDays,
          overdue_ratio: explanation.overdueRatio,
          text_en: explanation.text.en,
          text_th: explanation.text.th,
        })
      else printLine(`Churn risk ${explanation.level}: ${explanation.text.en}`)
    })
}
