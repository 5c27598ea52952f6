import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ApiContext } from './api/context'
import { migrateToLatest, openDatabase } from './db'
import { JobRegistry } from './jobs/registry'
import type { LukkhaEvent } from '../shared/events'

export interface ContextOptions {
  dbFile: string
  appVersion: string
  systemLocale: string
  emit?: (event: LukkhaEvent) => void
  /** The clock (default: the system's); tests pass a fixed one. */
  now?: () => Date
}

/**
 * Opens (creating if needed) and migrates the shop database and wraps it as the context every API handler
 * receives. Shared by the Electron app, the CLI and the test harness, so all three run the same engine.
 */
export async function createApiContext(options: ContextOptions): Promise<ApiContext> {
  if (options.dbFile !== ':memory:') mkdirSync(dirname(options.dbFile), { recursive: true })
  const connection = openDatabase(options.dbFile)
  try {
    await migrateToLatest(connection.db)
  } catch (error) {
    await connection.close()
    throw error
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
    close: () =>
      (closing ??= (async () => {
        await ctx.jobs.close()
        await connection.close()
      })()),
  }
  return ctx
}
