import type { Command } from 'commander'
import { schemaVersion } from '../../db'
import { openForWriting, withConnection } from '../database'
import { printJson, printLine } from '../output'
import { dbOption, type GlobalOptions } from '../options'

export function registerInit(program: Command): void {
  dbOption(program.command('init'))
    .description('create the database, or bring it to the latest schema')
    .action(async (options: GlobalOptions) => {
      await withConnection(openForWriting(options.db), async ({ db, file }) => {
        const version = await schemaVersion(db)
        if (options.json) printJson({ db: file, schema: version })
        else printLine(`Database ready: ${file} (schema ${version ?? 'none'})`)
      })
    })
}
