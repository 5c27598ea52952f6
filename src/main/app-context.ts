import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ApiContext } from './api/context'
import { checkHealth, stopWriting } from './backup/health'
import { dailyBackupDue, takeBackup } from './backup/store'
import { migrateToLatest, openDatabase } from './db'
import type { LukkhaEvent } from '../shared/events'

export interface ContextOptions {
  dbFile: string
  appVersion: string
  systemLocale: string
  emit?: (event: LukkhaEvent) => void
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
  return {
    db: connection.db,
    connection,
    appVersion: options.appVersion,
    systemLocale: options.systemLocale,
    emit: options.emit ?? (() => undefined),
    health,
  }
}
