import type { Command } from 'commander'
import { getStats } from '../../stats'
import { openForReading, withConnection } from '../database'
import { printJson, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'

export function registerStats(program: Command): void {
  dbOption(program.command('stats'))
    .description('count customers, receipts, receipt lines and products')
    .action(async (options: GlobalOptions) => {
      const stats = await withConnection(openForReading(options.db), ({ db }) => getStats(db))
      if (options.json) printJson(stats)
      else printTable(['what', 'count'], Object.entries(stats))
    })
}
