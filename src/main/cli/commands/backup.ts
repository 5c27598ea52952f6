import { resolve } from 'node:path'
import type { Command } from 'commander'
import { checkHealth } from '../../backup/health'
import { backupToFile, listBackups, restoreBackup, takeBackup } from '../../backup/store'
import { openDatabase } from '../../db'
import { acquireWriteLock } from '../../db/lock'
import { LukkhaError } from '../../errors'
import { openForReading, withConnection } from '../database'
import { printJson, printLine, printTable } from '../output'
import { dbOption, type GlobalOptions } from '../options'

// Backups from the command line: take one (into the backups folder, or --out FILE), list them, check the
// database (quick_check), and restore one (the current file is kept as an undo point first).

export function registerBackup(program: Command): void {
  dbOption(program.command('backup'))
    .description('take a verified backup now (into the backups folder beside the database, or --out FILE)')
    .option('--out <file>', 'write the backup to this file instead')
    .action(async (options: GlobalOptions & { out?: string }) => {
      const file = resolve(options.db)
      const path = await withConnection(
        openForReading(options.db),
        async ({ sqlite }) =>
          options.out
            ? backupToFile(sqlite, resolve(options.out))
            : (await takeBackup(sqlite, file, 'manual', new Date())).path, // the CLI's clock is the machine's
      )
      if (options.json) printJson({ backup: path })
      else printLine(`Backup written and verified: ${path}`)
    })

  dbOption(program.command('backups'))
    .description('list the backups of the database, newest first')
    .action((options: GlobalOptions) => {
      const backups = listBackups(resolve(options.db))
      if (options.json)
        printJson(
          backups.map((b) => ({ name: b.name, taken_at: b.takenAt, reason: b.reason, bytes: b.bytes })),
        )
      else
        printTable(
          ['name', 'taken at', 'reason', 'bytes'],
          backups.map((b) => [b.name, b.takenAt, b.reason, b.bytes]),
        )
    })

  dbOption(program.command('check'))
    .description("check the database file for damage (SQLite's quick_check)")
    .action((options: GlobalOptions) => {
      const file = resolve(options.db)
      const connection = openDatabase(file, { readonly: true })
      try {
        const health = checkHealth(connection.sqlite, file)
        if (options.json) printJson(health)
        else if (health.status === 'ok') printLine('The database is intact.')
        if (health.status === 'corrupt') {
          const b = health.latestGoodBackup
          throw new LukkhaError(
            'database_corrupt',
            `The database is damaged (${health.problem}). ${b ? `Restore the latest good backup: lukkha restore ${b.name}` : 'There is no good backup.'}`,
          )
        }
      } finally {
        void connection.close()
      }
    })

  dbOption(program.command('restore'))
    .description('replace the database with a backup (a name from `backups`, "latest", or a file)')
    .argument('<backup>', 'backup name, "latest", or path')
    .action(async (which: string, options: GlobalOptions) => {
      const file = resolve(options.db)
      const backups = listBackups(file)
      const chosen =
        which === 'latest'
          ? backups.find((b) => b.reason !== 'before-restore')?.path
          : (backups.find((b) => b.name === which)?.path ?? resolve(which))
      if (!chosen)
        throw new LukkhaError('backup_not_found', 'There is no backup yet.', undefined, { name: which })
      const release = acquireWriteLock(file) // no other Lukkha may have it open while the file is replaced
      try {
        const result = await restoreBackup(file, chosen, new Date())
        if (options.json) printJson({ restored_from: result.restoredFrom, undo_point: result.undoPoint })
        else
          printLine(`Restored ${result.restoredFrom}. The database as it was is kept as ${result.undoPoint}.`)
      } finally {
        release()
      }
    })
}
