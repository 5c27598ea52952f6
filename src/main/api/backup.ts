import type { Method } from '../../shared/api'
import type { backupContract } from '../../shared/api/backup'
import { backupDto, backupJob, findBackup, restoreJob, startFileBackup, startFresh } from '../backup/jobs'
import { salvageColumns, salvageTable } from '../backup/salvage'
import { listBackups } from '../backup/store'
import { LukkhaError } from '../errors'
import { exportTable } from '../export'
import type { ApiContext } from './context'
import type { Handlers } from './handler'

/**
 * What the app still serves while the database is damaged (the recovery screen's calls and reads); every
 * other call is refused with database_corrupt, so no job or worker thread writes to the damaged file.
 */
export const servedWhenDamaged: ReadonlySet<Method> = new Set<Method>([
  'getHealth',
  'listBackups',
  'startRestore',
  'exportReadable',
  'startFresh',
  'getJob',
  'listJobs',
  'cancelJob',
  'getAppInfo',
  'getSettings',
  'getStats',
  'getShopStatus',
])

export const damaged = (): LukkhaError =>
  new LukkhaError(
    'database_corrupt',
    'The database file is damaged. Lukkha stopped writing to it; restore a backup or start afresh.',
  )

/** A restore or a fresh start replaces the database file: not while other work uses it. */
function assertIdle(ctx: ApiContext): void {
  if (ctx.jobs.busy()) {
    throw new LukkhaError(
      'work_running',
      'Other work is running (an import, an analysis or a backup); try again when it has finished.',
    )
  }
}

export const backupHandlers: Handlers<typeof backupContract> = {
  getHealth: (_input, ctx) => {
    const health = ctx.health ?? { status: 'ok' as const }
    return health.status === 'ok'
      ? { status: 'ok', latestGoodBackup: null }
      : { status: 'corrupt', latestGoodBackup: health.latestGoodBackup && backupDto(health.latestGoodBackup) }
  },
  listBackups: (_input, ctx) => listBackups(ctx.connection.file).map(backupDto),
  startBackup: (_input, ctx) => ({
    jobId: ctx.jobs.start(backupJob, {
      sqlite: ctx.connection.sqlite,
      dbFile: ctx.connection.file,
      reason: 'manual',
      now: ctx.now(),
    }),
  }),
  startBackupToFile: async (_input, ctx) => ({
    jobId: await startFileBackup(ctx.jobs, ctx.connection.sqlite, ctx.chooseSaveFile, ctx.now()),
  }),
  startRestore: ({ backupId }, ctx) => {
    findBackup(ctx.connection.file, backupId) // an unknown id is refused here, not as a failed job
    assertIdle(ctx)
    return { jobId: ctx.jobs.start(restoreJob, { holder: ctx, backupId, now: ctx.now() }) }
  },
  exportReadable: async ({ table, options }, ctx) => {
    const { rows, unreadable } = salvageTable(ctx.connection.file, table)
    const file = await exportTable(salvageColumns[table], rows, options, `lukkha-${table}-readable`)
    return { ...file, unreadable }
  },
  startFresh: async (_input, ctx) => {
    if (ctx.health?.status !== 'corrupt') {
      throw new LukkhaError(
        'conflict',
        'The database is intact; Lukkha starts afresh only from a damaged one.',
      )
    }
    assertIdle(ctx)
    return startFresh({ holder: ctx, now: ctx.now() })
  },
}
