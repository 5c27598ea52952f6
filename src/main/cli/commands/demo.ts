import type { Command } from 'commander'
import { isIsoDate, localToday } from '../../../shared/calendar'
import { createDemoShop, DEFAULT_DEMO_SEED } from '../../demo'
import { openForWriting, withConnection } from '../database'
import { CliError, printJson, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'

interface DemoOptions extends GlobalOptions {
  seed: string
  end?: string
}

export function registerDemo(program: Command): void {
  dbOption(program.command('demo'))
    .description('fill an empty database with the demo café-bakery (18 months of sales up to --end)')
    .option(
      '--seed <n>',
      'random seed; the same seed and end date give the same shop',
      String(DEFAULT_DEMO_SEED),
    )
    .option('--end <date>', 'last day with sales, YYYY-MM-DD (default: today)')
    .action(async (options: DemoOptions) => {
      const seed = Number(options.seed)
      if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) {
        throw new CliError(`--seed must be a whole number from 0 to 2147483648, not "${options.seed}".`)
      }
      const endDate = options.end ?? localToday(new Date())
      if (!isIsoDate(endDate)) throw new CliError(`--end must be a date as YYYY-MM-DD, not "${endDate}".`)
      const summary = await withConnection(openForWriting(options.db), ({ sqlite }) =>
        createDemoShop(sqlite, { seed, endDate }),
      )
      if (options.json) {
        printJson({
          seed: summary.seed,
          start_date: summary.startDate,
          end_date: summary.endDate,
          customers: summary.customers,
          receipts: summary.receipts,
          lines: summary.lines,
          products: summary.products,
          survey_responses: summary.surveyResponses,
        })
      } else {
        printTable(['what', 'value'], Object.entries(summary))
      }
    })
}
