import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { surveyMappingSchema, type SurveyMapping } from '../../../shared/api/surveys'
import { analyseSurveys } from '../../surveys/analysis'
import { importSurveyResponses } from '../../surveys/import'
import { openForReading, openForWriting, withConnection } from '../database'
import { CliError, printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'
import { parseDate } from './analysis-options'

interface SummaryOptions extends GlobalOptions {
  from?: string
  to?: string
}

interface ImportOptions extends GlobalOptions {
  mapping?: string
}

const round = (x: number | null): number | null => (x === null ? null : Number(x.toFixed(4)))
const pct = (x: number | null): string => (x === null ? '-' : `${Math.round(x * 100)}%`)

function readMapping(file: string): SurveyMapping {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(resolve(file), 'utf8'))
  } catch (error) {
    throw new CliError(
      `Cannot read the mapping ${file}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const parsed = surveyMappingSchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new CliError(
      `${file}: ${first?.path.join('.') || 'the mapping'}: ${first?.message ?? 'not a survey mapping'}`,
    )
  }
  return parsed.data
}

export function registerSurveys(program: Command): void {
  const surveys = program
    .command('surveys')
    .description('satisfaction surveys: summary and import of answers')

  dbOption(surveys.command('summary'))
    .description('share of each level per aspect, net delight and improvement priorities')
    .option('--from <date>', 'first response date (YYYY-MM-DD)', parseDate)
    .option('--to <date>', 'last response date (YYYY-MM-DD)', parseDate)
    .action(async (options: SummaryOptions) => {
      const a = await withConnection(openForReading(options.db), ({ db }) =>
        analyseSurveys(db, { from: options.from, to: options.to }),
      )
      const json = {
        responses: a.responses,
        net_delight: round(a.overall.netDelight),
        net_delight_low: round(a.overall.low),
        net_delight_high: round(a.overall.high),
        derived_overall: a.derivedOverall,
        aspects: a.aspects.map((x) => ({
          aspect: x.key,
          responses: x.shares.n,
          delighted: round(x.shares.delighted),
          satisfied: round(x.shares.satisfied),
          disappointed: round(x.shares.disappointed),
          net_delight: round(x.shares.netDelight),
          priority: x.priority,
          impact: round(x.impact),
          small_sample: x.shares.small,
        })),
      }
      if (options.json) {
        printJson(json)
        return
      }
      printLine(
        `${a.responses} responses; net delight ${pct(a.overall.netDelight)} (95% ${pct(a.overall.low)} to ${pct(a.overall.high)})`,
      )
      printTable(
        ['priority', 'aspect', 'n', 'delighted', 'satisfied', 'disappointed', 'net'],
        [...a.aspects]
          .sort((x, y) => x.priority - y.priority)
          .map((x) => [
            x.priority,
            x.key + (x.shares.small ? ' (small sample)' : ''),
            x.shares.n,
            pct(x.shares.delighted),
            pct(x.shares.satisfied),
            pct(x.shares.disappointed),
            pct(x.shares.netDelight),
          ]),
      )
    })

  dbOption(surveys.command('import'))
    .description('import survey answers (CSV or XLSX, e.g. a Google Forms export) through a column mapping')
    .argument('<file>', 'the CSV or XLSX file')
    .requiredOption(
      '--mapping <file.json>',
      'which column holds what: {"respondedAt": "Timestamp", "aspects": {"speed": "..."}, ...}',
    )
    .action(async (file: string, options: ImportOptions) => {
      const mapping = readMapping(options.mapping ?? '')
      const r = await withConnection(openForWriting(options.db), ({ db }) =>
        importSurveyResponses(db, { path: resolve(file), mapping }),
      )
      const json = {
        status: r.status,
        file: r.fileName,
        rows_read: r.rowsRead,
        responses_added: r.responsesAdded,
        follow_ups_created: r.followUpsCreated,
        customers_matched: r.customersMatched,
        duplicates_skipped: r.duplicatesSkipped,
        duplicate_rows: r.duplicateRows,
        errors: r.errors.map((e) => ({
          file: e.file,
          row: e.row,
          column: e.column,
          value: e.value,
          message: e.message,
        })),
        error_count: r.errorCount,
      }
      if (options.json) printJson(json)
      else {
        printLine(
          r.status === 'done'
            ? `Imported ${r.responsesAdded} responses from ${r.fileName}; ${r.followUpsCreated} follow-up task(s) created` +
                (r.duplicatesSkipped ? `; ${r.duplicatesSkipped} row(s) imported before were skipped.` : '.')
            : `${r.fileName} was NOT imported: ${r.errorCount} problem(s); nothing was stored.`,
        )
        if (r.errors.length)
          printTable(
            ['row', 'column', 'value', 'problem'],
            r.errors.slice(0, 20).map((e) => [e.row, e.column, e.value, e.message]),
          )
      }
      if (r.status === 'rejected')
        throw new CliError(`${r.fileName}: ${r.errorCount} problem(s), nothing stored.`)
    })
}
