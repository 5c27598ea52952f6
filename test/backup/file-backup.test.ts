import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import { dispatch } from '../../src/main/api/dispatch'
import type { SaveFileChooser } from '../../src/main/backup/chooser'
import { createApiContext } from '../../src/main/app-context'
import { createDemoShop } from '../../src/main/demo'
import { tempDir } from '../helpers/db'
import { waitForJob } from '../helpers/jobs'

// "Back up to a file…": the main process asks the user for the file (the shell's save dialog; here a
// stand-in chooser, as the harness has), the backup runs as a job with the online backup API, is checked
// with integrity_check beside the target and renamed into place. Real database, real files.

async function shop(chooser?: SaveFileChooser): Promise<ApiContext> {
  const dir = tempDir()
  const ctx = await createApiContext({
    dbFile: join(dir, 'shop.db'),
    appVersion: 'test',
    systemLocale: 'th-TH',
    now: () => new Date(2026, 10, 30, 14, 5),
    ...(chooser ? { chooseSaveFile: chooser } : {}),
  })
  afterEach(() => ctx.close())
  await createDemoShop(ctx.connection.sqlite, { seed: 2567, endDate: '2026-11-30' })
  for (const job of ctx.jobs.list()) await ctx.jobs.wait(job.jobId) // the daily backup, the demo's analysis
  return ctx
}

const count = (db: BetterSqlite3.Database, table: string): number =>
  Number(db.prepare(`select count(*) from ${table}`).pluck().get())

async function start(ctx: ApiContext): Promise<{ jobId: string | null }> {
  const answer = await dispatch('startBackupToFile', undefined, ctx)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data as { jobId: string | null }
}

describe('backup to a file the user chooses', () => {
  it('writes a verified, standalone copy with every row where the user chose, and says where', async () => {
    const folder = tempDir()
    const asked: string[] = []
    const ctx = await shop((name, kind) => {
      asked.push(`${kind}:${name}`)
      return Promise.resolve(join(folder, 'my shop backup.db'))
    })
    const { jobId } = await start(ctx)
    expect(jobId).not.toBeNull()
    const job = await waitForJob(ctx, jobId ?? '', 'backup-file')
    expect(job.state).toBe('done')
    expect(asked).toEqual(['backup:lukkha-backup-2026-11-30.db']) // the suggested name, on the context's clock
    const target = join(folder, 'my shop backup.db')
    expect(job.result?.path).toBe(target)
    expect(readdirSync(folder)).toEqual(['my shop backup.db']) // no partial, no -wal/-shm beside it

    const copy = new BetterSqlite3(target, { readonly: true, fileMustExist: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete') // stands alone
      const live = ctx.connection.sqlite
      for (const table of ['customers', 'receipts', 'receipt_lines', 'products']) {
        expect(count(copy, table)).toBeGreaterThan(0)
        expect(count(copy, table)).toBe(count(live, table))
      }
      expect(job.result?.bytes).toBeGreaterThan(0)
    } finally {
      copy.close()
    }
  })

  it('replaces a file the user chose to overwrite only with a whole, checked copy', async () => {
    const folder = tempDir()
    const target = join(folder, 'old.db')
    writeFileSync(target, 'an older file the user chose to replace')
    const ctx = await shop(() => Promise.resolve(target))
    const job = await waitForJob(ctx, (await start(ctx)).jobId ?? '', 'backup-file')
    expect(job.state).toBe('done')
    const copy = new BetterSqlite3(target, { readonly: true, fileMustExist: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
  })

  it('closing the dialog is no error and starts nothing', async () => {
    const ctx = await shop(() => Promise.resolve(null))
    const before = ctx.jobs.list().length
    expect(await start(ctx)).toEqual({ jobId: null })
    expect(ctx.jobs.list()).toHaveLength(before)
  })

  it('a cancelled backup leaves no file, partial or whole', async () => {
    const folder = tempDir()
    const ctx = await shop(() => Promise.resolve(join(folder, 'cancelled.db')))
    const { jobId } = await start(ctx)
    expect(ctx.jobs.cancel(jobId ?? '')).toBe(true)
    const job = await waitForJob(ctx, jobId ?? '', 'backup-file')
    expect(job.state).toBe('cancelled')
    expect(readdirSync(folder)).toEqual([])
  })

  it('a file that cannot be written fails with a coded error and leaves nothing', async () => {
    const folder = tempDir()
    const missing = join(folder, 'no such folder', 'backup.db')
    const ctx = await shop(() => Promise.resolve(missing))
    const job = await waitForJob(ctx, (await start(ctx)).jobId ?? '', 'backup-file')
    expect(job.state).toBe('failed')
    expect(job.error?.code).toMatch(/^(backup_failed|read_only)$/)
    expect(existsSync(missing)).toBe(false)
    expect(readdirSync(folder)).toEqual([])
  })

  it('where there is no save dialog (the CLI) the call answers save_dialog_unavailable', async () => {
    const ctx = await shop()
    const answer = await dispatch('startBackupToFile', undefined, ctx)
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.error.code).toBe('save_dialog_unavailable')
  })
})
