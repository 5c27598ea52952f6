import type { DateOrder, PresetChoice, TextEncoding } from '../../../shared/api/import'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import { LukkhaError } from '../../errors'
import { dateOrders, GENERIC_PRESET, presetNames, textEncodings } from '../../../shared/api/import-words'
import { parseMappingJson } from '../../import/mapping'
import { runImport } from '../../import/run'
import type { ImportSummary, RowIssue } from '../../import/types'
import { openForWriting, withConnection } from '../database'
import { spawnSourceParser } from '../parser'
import { CliError, printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'

interface ImportCliOptions extends GlobalOptions {
  preset: PresetChoice | 'auto'
  mapping?: string
  validRowsOnly?: boolean
  rejectedOut?: string
  dateOrder?: DateOrder
  encoding?: TextEncoding
  delimiter?: string
  sheet?: string
  decimalComma?: boolean
}

const issueJson = (i: RowIssue): Record<string, unknown> => ({
  row: i.row,
  column: i.column,
  value: i.value,
  message: i.message,
})

/** The summary as JSON: the keys the issue names first, then the rest (snake_case). */
export function summaryJson(s: ImportSummary): Record<string, unknown> {
  return {
    preset: s.preset,
    encoding: s.encoding,
    encoding_guessed: s.encodingGuessed,
    rows_read: s.rowsRead,
    receipts_added: s.receiptsAdded,
    lines_added: s.linesAdded,
    duplicates_skipped: s.duplicatesSkipped,
    customers_created: s.customersCreated,
    customers_matched: s.customersMatched,
    errors: s.errors.map(issueJson),
    status: s.status,
    import_id: s.importId,
    file: s.fileName,
    kind: s.kind,
    source: s.source,
    delimiter: s.delimiter,
    sheet: s.sheet,
    date_order: s.dateOrder,
    rows_rejected: s.rowsRejected,
    rows_ignored: s.rowsIgnored,
    products_created: s.productsCreated,
    stores_created: s.storesCreated,
    merge_suggestions: s.mergeSuggestions,
    net_added_satang: s.netAdded,
    warnings: s.warnings.map(issueJson),
    rejected_file: s.rejectedFile,
  }
}

function delimiterOption(raw: string): string {
  if (raw === 'tab' || raw === '\\t') return '\t'
  if (raw.length !== 1) throw new CliError(`--delimiter is one character (or "tab"), not "${raw}".`)
  return raw
}

function printSummary(s: ImportSummary): void {
  const verdict =
    s.status === 'done'
      ? `Imported ${s.fileName} as ${s.preset} (import #${s.importId}).`
      : `${s.fileName} was NOT imported: ${s.rowsRejected} row(s) have errors; nothing was stored.`
  printLine(verdict)
  if (s.encodingGuessed)
    printLine(
      `Warning: the text encoding ${s.encoding ?? ''} is a guess (the file is not clean UTF-8): check that names read correctly, or pass --encoding.`,
    )
  printTable(
    ['what', 'count'],
    [
      ['rows read', s.rowsRead],
      ['rows rejected', s.rowsRejected],
      ['rows ignored (cancelled/voided)', s.rowsIgnored],
      ['receipts added', s.receiptsAdded],
      ['lines added', s.linesAdded],
      ['duplicates skipped', s.duplicatesSkipped],
      ['customers created', s.customersCreated],
      ['customers matched', s.customersMatched],
      ['merge suggestions', s.mergeSuggestions],
    ],
  )
  const shown = s.errors.slice(0, 20)
  if (shown.length) {
    printLine()
    printTable(
      ['row', 'column', 'value', 'problem'],
      shown.map((e) => [e.row, e.column, e.value, e.message]),
    )
    if (s.rowsRejected > shown.length) printLine(`... and more (${s.rowsRejected} rows in all)`)
  }
  if (s.rejectedFile) printLine(`Rejected rows written to ${s.rejectedFile}`)
}

export function registerImport(program: Command): void {
  dbOption(program.command('import'))
    .description('import a POS export (CSV or XLSX) into the database')
    .argument('<file>', 'the CSV or XLSX file')
    .addOption(
      new Option('--preset <name>', 'the layout; auto detects it from the header')
        .choices(['auto', GENERIC_PRESET, ...presetNames])
        .default('auto'),
    )
    .option('--mapping <file.json>', 'column mapping for the generic layout: {"field": "column name", ...}')
    .option('--valid-rows-only', 'store the valid rows even if some rows are rejected')
    .option('--rejected-out <file.csv>', 'write the rejected rows (with the reason) to this CSV file')
    .addOption(
      new Option('--date-order <order>', 'day/month order when the dates fit both').choices([...dateOrders]),
    )
    .addOption(
      new Option('--encoding <name>', 'text encoding (detected when absent)').choices([...textEncodings]),
    )
    .option('--delimiter <char>', 'CSV field delimiter (detected when absent; "tab" for tabs)')
    .option('--sheet <name>', 'XLSX sheet to read (the first when absent)')
    .option('--decimal-comma', 'amounts are written 1.234,50')
    .action(async (file: string, options: ImportCliOptions) => {
      const path = resolve(file)
      const mapping = options.mapping ? readMapping(options.mapping) : undefined
      const summary = await withConnection(openForWriting(options.db), ({ sqlite }) =>
        withCliHints(
          runImport(
            sqlite,
            path,
            {
              preset: mapping && options.preset === 'auto' ? 'generic' : options.preset,
              ...(mapping ? { mapping } : {}),
              ...(options.validRowsOnly ? { validRowsOnly: true } : {}),
              ...(options.rejectedOut ? { rejectedOut: resolve(options.rejectedOut) } : {}),
              ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
              ...(options.encoding ? { encoding: options.encoding } : {}),
              ...(options.delimiter ? { delimiter: delimiterOption(options.delimiter) } : {}),
              ...(options.sheet ? { sheet: options.sheet } : {}),
              ...(options.decimalComma ? { decimalSeparator: ',' as const } : {}),
            },
            { spawnParser: spawnSourceParser, now: () => new Date() }, // the CLI runs on the machine's clock
          ),
        ),
      )
      if (options.json) printJson(summaryJson(summary))
      else printSummary(summary)
      if (summary.status === 'failed') {
        throw new CliError(
          `${summary.fileName}: ${summary.rowsRejected} row(s) rejected, nothing stored. Fix the file, or run again with --valid-rows-only to store the other rows.`,
        )
      }
    })
}

/** The engine asks for a decision in the UI's words; on the command line, name the option that gives it. */
async function withCliHints<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof LukkhaError) {
      const decision = (error.details as { decision?: string } | undefined)?.decision
      if (decision === 'date_order')
        throw new CliError(`${error.message} Run again with --date-order dmy or --date-order mdy.`, 2)
      if (decision === 'mapping')
        throw new CliError(`${error.message} Write a mapping file and pass --mapping FILE.json.`, 2)
    }
    throw error
  }
}

function readMapping(file: string): ReturnType<typeof parseMappingJson> {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(resolve(file), 'utf8'))
  } catch (error) {
    throw new CliError(
      `Cannot read the mapping ${file}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  return parseMappingJson(raw, file)
}
