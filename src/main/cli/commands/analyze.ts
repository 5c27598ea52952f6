import type { Command } from 'commander'
import { segmentsOverview } from '../../analysis/queries'
import { runAnalysis } from '../../analysis/run'
import { loadSegmentRules } from '../../analysis/segment-rules'
import { openForWriting, withConnection } from '../database'
import { printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'
import { baht, parseDate, parsePositiveInt, parseRate } from './analysis-options'

interface AnalyzeOptions extends GlobalOptions {
  asOf?: string
  windowDays?: number
  horizonDays?: number
  discountRate?: number
}

export function registerAnalyze(program: Command): void {
  dbOption(program.command('analyze'))
    .description(
      'run the full analysis (RFM, segments, CLV, churn) and store it as a snapshot, as the app does',
    )
    .option('--as-of <date>', 'the date to analyse as of (default: the latest sale)', parseDate)
    .option('--window-days <n>', 'RFM over the last N days only (default: all history)', parsePositiveInt)
    .option('--horizon-days <n>', 'CLV horizon in days (default 365)', parsePositiveInt)
    .option('--discount-rate <rate>', 'yearly discount rate for CLV (default 0.1)', parseRate)
    .action(async (options: AnalyzeOptions) => {
      const overview = await withConnection(openForWriting(options.db), async ({ db, sqlite }) => {
        const { rules } = await loadSegmentRules(db)
        const runId = runAnalysis(
          sqlite,
          {
            asOf: options.asOf,
            windowDays: options.windowDays ?? null,
            horizonDays: options.horizonDays,
            annualDiscountRate: options.discountRate,
          },
          rules,
        )
        return segmentsOverview(db, runId)
      })
      if (!overview) throw new Error('the run was stored but cannot be read back')
      const { run } = overview
      if (options.json) {
        printJson({
          run_id: run.runId,
          as_of: run.asOf,
          customers: run.customers,
          revenue: baht(run.revenueSatang),
          bgnbd: run.bgnbd,
          gamma_gamma: run.gammaGamma,
          model_note: run.modelNote,
          duration_ms: run.durationMs,
          segments: overview.segments.map((s) => ({
            segment: s.id,
            customers: s.customers,
            revenue: baht(s.revenueSatang),
            revenue_share: Number(s.revenueShare.toFixed(4)),
          })),
        })
        return
      }
      printLine(
        `Analysis run ${run.runId} as of ${run.asOf}: ${run.customers} customers, ${baht(run.revenueSatang).toFixed(2)} baht, ${run.durationMs} ms`,
      )
      if (run.modelNote) printLine(`Note: ${run.modelNote}`)
      printTable(
        ['segment', 'customers', 'revenue', 'share', 'action'],
        overview.segments.map((s) => [
          s.id,
          s.customers,
          baht(s.revenueSatang).toFixed(2),
          `${(s.revenueShare * 100).toFixed(1)}%`,
          s.actionEn,
        ]),
      )
    })
}
