import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ApiContext } from './api/context'
import { checkHealth, stopWriting } from './backup/health'
import { dailyBackupDue, takeBackup } from './backup/store'
import { migrateToLatest, openDatabase } from './db'
import { JobRegistry } from './jobs/registry'
import type { LukkhaEvent } from '../shared/events'
import type { ReportPrinter } from './reports/printer'

export interface ContextOptions {
  dbFile: string
  appVersion: string
  systemLocale: string
  emit?: (event: LukkhaEvent) => void
  /** How reports become PDF or paper (the shell's hidden window, the harness's Chromium). */
  printer?: ReportPrinter
  /** The clock (default: the system's); tests pass a fixed one. */
  now?: () => Date
}

/**
 * Opens (creating if needed) and migrates the shop database and wraps it as the context every API handler
 * receives. Shared by the Electron app, the CLI and the test harness, so all three run the same engine.
 */
export async function createApiContext(options: ContextOptions): Promise<ApiContext> {
  if (options.dbFile !== ':memory:') mkdirSync(dirname(options.dbFile), { recursive: true, mode: 0o700 })
  const connection = openDatabase(options.dbFile)
  const file = options.dbFile !== ':memory:' && options.dbFile !== ''
  // quick_check before anything writes: a damaged file is opened for reading only (every write then fails)
  const health = file ? checkHealth(connection.sqlite, options.dbFile) : { status: 'ok' as const }
  if (health.status === 'corrupt') stopWriting(connection.sqlite)
  else {
    try {
      await migrateToLatest(connection.db)
    } catch (error) {
      await connection.close()
      throw error
    }
    // the daily backup (verified, rotated) runs in the background: the app does not wait for it
    if (file && dailyBackupDue(options.dbFile))
      void takeBackup(connection.sqlite, options.dbFile, 'daily').catch(() => undefined)
  }
  const now = options.now ?? (() => new Date())
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
    close: () =>
      (closing ??= (async () => {
        await ctx.jobs.close()
        await connection.close()
      })()),
    health,
  }
  return ctx
}
