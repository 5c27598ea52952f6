import type { Command } from 'commander'
import { computeRfm } from '../../analysis/rfm'
import { loadSegmentRules } from '../../analysis/segment-rules'
import { customerCodes } from '../../customers/codes'
import { openForReading, withConnection } from '../database'
import { printJson, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'
import { baht, parseDate, parsePositiveInt } from './analysis-options'

interface RfmOptions extends GlobalOptions {
  asOf: string
  windowDays?: number
}

export function registerRfm(program: Command): void {
  dbOption(program.command('rfm'))
    .description('RFM scores and segment of every customer with a sale up to the as-of date')
    .requiredOption('--as-of <date>', 'the date to score as of (YYYY-MM-DD, inclusive)', parseDate)
    .option(
      '--window-days <n>',
      'only the last N days up to the as-of date (default: all history)',
      parsePositiveInt,
    )
    .action(async (options: RfmOptions) => {
      const rows = await withConnection(openForReading(options.db), async ({ db, sqlite }) => {
        const { rules } = await loadSegmentRules(db)
        const scores = computeRfm(
          sqlite,
          { asOf: options.asOf, windowDays: options.windowDays ?? null },
          rules,
        )
        const codes = await customerCodes(db)
        return scores
          .sort((a, b) => a.customerId - b.customerId)
          .map((s) => ({
            code: codes.get(s.customerId) ?? null,
            recency_days: s.recencyDays,
            frequency: s.frequency,
            monetary: baht(s.monetarySatang),
            r: s.r,
            f: s.f,
            m: s.m,
            segment: rules.segments[s.segmentIndex]?.id ?? '',
          }))
      })
      if (options.json) printJson(rows)
      else
        printTable(
          ['code', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'],
          rows.map((r) => [
            r.code ?? '',
            r.recency_days,
            r.frequency,
            r.monetary.toFixed(2),
            r.r,
            r.f,
            r.m,
            r.segment,
          ]),
        )
    })
}
