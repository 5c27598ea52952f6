import { resolve } from 'node:path'
import type { Command } from 'commander'
import { exportSales } from '../../import/export-sales'
import { openForReading, withConnection } from '../database'
import { printJson, printLine } from '../output'
import { dbOption, type GlobalOptions } from '../options'

export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('write data out as files')
  dbOption(exportCommand.command('sales'))
    .description('every receipt line as a "Lukkha sales CSV" (the native import layout)')
    .requiredOption('--out <file>', 'the CSV file to write')
    .action(async (options: GlobalOptions & { out: string }) => {
      const out = resolve(options.out)
      const counts = await withConnection(openForReading(options.db), ({ sqlite }) =>
        Promise.resolve(exportSales(sqlite, out)),
      )
      if (options.json) printJson({ file: out, receipts: counts.receipts, lines: counts.lines })
      else printLine(`Wrote ${counts.lines} lines of ${counts.receipts} receipts to ${out}`)
    })
}
