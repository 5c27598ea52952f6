import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ApiContext } from './api/context'
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
  try {
    await migrateToLatest(connection.db)
  } catch (error) {
    await connection.close()
    throw error
  }
  return {
    db: connection.db,
    connection,
    appVersion: options.appVersion,
    systemLocale: options.systemLocale,
    emit: options.emit ?? (() => undefined),
  }
}
