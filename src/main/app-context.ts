import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ApiContext } from './api/context'
import { backupJob } from './backup/jobs'
import { openShopDatabase } from './backup/session'
import { dailyBackupDue } from './backup/store'
import { JobRegistry } from './jobs/registry'
import type { LukkhaEvent } from '../shared/events'
import type { ReportPrinter } from './reports/printer'
import type { SaveFileChooser } from './backup/chooser'

export interface ContextOptions {
  dbFile: string
  appVersion: string
  systemLocale: string
  emit?: (event: LukkhaEvent) => void
  /** How reports become PDF or paper (the shell's hidden window, the harness's Chromium). */
  printer?: ReportPrinter
  /**
   * The clock every engine call is given (ctx.now): the app and the harness pass the machine's, tests a fixed
   * one where dates matter. Required, so no engine code falls back to the machine's clock by itself.
   */
  now: () => Date
  /** Where the user saves a file the app writes for them (the shell's save dialog, the harness's folder). */
  chooseSaveFile?: SaveFileChooser
}

/**
 * Opens (creating if needed) and migrates the shop database and wraps it as the context every API handler
 * receives. Shared by the Electron app, the CLI and the test harness, so all three run the same engine.
 */
export async function createApiContext(options: ContextOptions): Promise<ApiContext> {
  if (options.dbFile !== ':memory:') mkdirSync(dirname(options.dbFile), { recursive: true, mode: 0o700 })
  // quick_check before anything writes: a damaged file is opened for reading only (every write then fails),
  // and one SQLite cannot open at all gets an empty read-only stand-in, so the recovery screen can show
  const { connection, health } = await openShopDatabase(options.dbFile)
  const file = options.dbFile !== ':memory:' && options.dbFile !== ''
  const now = options.now
  let closing: Promise<void> | null = null
  const ctx: ApiContext = {
    db: connection.db,
    connection,
    // ctx.emit may be replaced (tests listen that way), so the registry calls it through ctx
    jobs: new JobRegistry(
      (event) => ctx.emit(event),
      () => ctx.now(),
    ),
    appVersion: options.appVersion,
    systemLocale: options.systemLocale,
    now,
    emit: options.emit ?? (() => undefined),
    printer: options.printer,
    chooseSaveFile: options.chooseSaveFile,
    close: () =>
      (closing ??= (async () => {
        await ctx.jobs.close()
        await ctx.connection.close() // the connection of the moment: a restore replaces it
      })()),
    health,
  }
  // the daily backup (verified, rotated) is a job in the background: the app does not wait for it
  if (file && health.status === 'ok' && dailyBackupDue(options.dbFile, now())) {
    ctx.jobs.start(backupJob, {
      sqlite: connection.sqlite,
      dbFile: options.dbFile,
      reason: 'daily',
      now: now(),
    })
  }
  return ctx
}
