import type { Command } from 'commander'
import { takeBackup } from '../../backup/store'
import { listImports, undoImport } from '../../import/history'
import { openForReading, openForWriting, withConnection } from '../database'
import { CliError, printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'

export function registerImports(program: Command): void {
  dbOption(program.command('imports'))
    .description('list the import history')
    .action(async (options: GlobalOptions) => {
      const rows = await withConnection(openForReading(options.db), ({ db }) => listImports(db))
      if (options.json) {
        printJson(rows)
        return
      }
      printTable(
        ['id', 'file', 'preset', 'status', 'rows', 'receipts', 'lines', 'duplicates', 'rejected', 'started'],
        rows.map((r) => [
          r.id,
          r.file_name,
          r.preset,
          r.status,
          r.rows_read,
          r.receipts_added,
          r.lines_added,
          r.duplicates_skipped,
          r.rows_rejected,
          r.started_at,
        ]),
      )
    })

  dbOption(program.command('undo-import'))
    .description('remove exactly what one import added')
    .argument('<id>', 'the import id (see: imports)')
    .action(async (id: string, options: GlobalOptions) => {
      const importId = Number(id)
      if (!Number.isInteger(importId) || importId <= 0) throw new CliError(`"${id}" is not an import id.`)
      const result = await withConnection(openForWriting(options.db), async ({ db, sqlite, file }) => {
        await takeBackup(sqlite, file, 'before-undo', new Date())
        // the CLI is the edge: its clock is the machine's
        return undoImport(db, importId, () => new Date())
      })
      if (options.json) {
        printJson({
          import_id: result.importId,
          receipts_removed: result.receiptsRemoved,
          lines_removed: result.linesRemoved,
          customers_removed: result.customersRemoved,
          customers_restored: result.customersRestored,
          products_removed: result.productsRemoved,
          stores_removed: result.storesRemoved,
        })
      } else {
        printLine(
          `Undid import #${result.importId}: removed ${result.receiptsRemoved} receipts, ${result.linesRemoved} lines, ${result.customersRemoved} customers.`,
        )
      }
    })
}
