import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/dispatch'
import type { ApiContext } from '../../src/main/api/context'
import { listBackups, takeBackup, verifyDatabaseFile } from '../../src/main/backup/store'
import { createApiContext } from '../../src/main/app-context'
import { createCustomer } from '../../src/main/customers/edit'
import { eraseCustomer } from '../../src/main/customers/erasure'
import { damageMiddlePage, testContext, tempDir } from '../helpers/db'
import { waitForJob } from '../helpers/jobs'
import { fixture, importFile } from '../import/helpers'
import { addReceipt, NOW } from '../customers/helpers'

// Backups and restores as jobs through the API (what the settings page and the recovery screen call), the
// erasure log re-applied after a restore, and the recovery paths for a damaged database.

const canaries = { name: 'Zqxrestorecanary', phone: '0869876501', email: 'zqx.restore.canary@example.org' }

async function call<T = unknown>(ctx: ApiContext, method: string, input?: unknown): Promise<T> {
  const answer = await dispatch(method, input, ctx)
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code}: ${answer.error.message}`)
  return answer.data as T
}

async function refusal(ctx: ApiContext, method: string, input?: unknown): Promise<string> {
  const answer = await dispatch(method, input, ctx)
  if (answer.ok) throw new Error(`${method} was not refused`)
  return answer.error.code
}

async function idle(ctx: ApiContext): Promise<void> {
  for (const job of ctx.jobs.list()) await ctx.jobs.wait(job.jobId) // the daily backup of a new context
}

async function backupNow(ctx: ApiContext): Promise<string> {
  const { jobId } = await call<{ jobId: string }>(ctx, 'startBackup')
  const job = await waitForJob(ctx, jobId, 'backup')
  expect(job.state).toBe('done')
  return job.result?.id ?? ''
}

async function context(dir: string): Promise<ApiContext> {
  return createApiContext({
    dbFile: join(dir, 'shop.db'),
    appVersion: 'test',
    systemLocale: 'th-TH',
    now: () => new Date(),
  })
}

describe('backups and restore as jobs', () => {
  it('backs up with progress, lists the backup by id, and a cancelled copy leaves no file', async () => {
    const ctx = await testContext()
    await idle(ctx)
    await importFile(ctx.connection.sqlite, fixture('lukkha-sales.csv'))
    const phases: string[] = []
    ctx.emit = (event) => {
      if (event.type === 'job' && event.kind === 'backup')
        phases.push(`${event.phase}:${event.done}/${event.total}`)
    }
    const id = await backupNow(ctx)
    expect(phases.some((p) => /^backup\.phase\.(copying|verifying):\d+\/[1-9]\d*$/.test(p))).toBe(true)
    const listed = await call<{ id: string; reason: string; bytes: number }[]>(ctx, 'listBackups')
    expect(listed.find((b) => b.id === id)).toMatchObject({ reason: 'manual' })
    expect(JSON.stringify(listed)).not.toContain(ctx.connection.file) // ids, never paths

    const before = listBackups(ctx.connection.file).length
    const stop = new AbortController()
    stop.abort()
    await expect(
      takeBackup(ctx.connection.sqlite, ctx.connection.file, 'manual', new Date(), { signal: stop.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' })
    expect(listBackups(ctx.connection.file)).toHaveLength(before)
    expect(await refusal(ctx, 'startRestore', { backupId: '../../etc/passwd' })).toBe('validation')
    expect(await refusal(ctx, 'startRestore', { backupId: 'lukkha-20990101-000000-manual.db' })).toBe(
      'backup_not_found',
    )
  })

  it('restores a backup older than an erasure without the erased customer, and the undo point undoes it', async () => {
    const ctx = await testContext()
    await idle(ctx)
    const id = await createCustomer(
      ctx.db,
      { name: `${canaries.name} สมชาย`, phone: canaries.phone, email: canaries.email },
      NOW,
    )
    await addReceipt(ctx.db, id, '2026-05-01T10:00:00', 12345)
    const backupId = await backupNow(ctx)
    await eraseCustomer(ctx.db, id, 'owner', NOW)
    const other = await createCustomer(ctx.db, { name: 'Added after the backup' }, NOW)

    const { jobId } = await call<{ jobId: string }>(ctx, 'startRestore', { backupId })
    const job = await waitForJob(ctx, jobId, 'restore')
    expect(job.state).toBe('done')
    expect(job.result).toMatchObject({ erasuresReapplied: 1, healthy: true, restoredFrom: { id: backupId } })
    // the context now answers from the restored file: the later customer is gone, the erased one erased
    const customers = await ctx.db.selectFrom('customers').select(['id', 'name', 'erased_at']).execute()
    expect(customers.find((c) => c.id === other)).toBeUndefined()
    expect(customers.find((c) => c.id === id)).toMatchObject({ name: '', erased_at: NOW })
    expect(await ctx.db.selectFrom('receipts').select('net_satang').execute()).toEqual([
      { net_satang: 12345 },
    ])
    ctx.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const bytes = readFileSync(ctx.connection.file)
    for (const [what, canary] of Object.entries(canaries)) {
      expect(bytes.includes(Buffer.from(canary, 'utf8')), what).toBe(false)
    }
    expect(verifyDatabaseFile(ctx.connection.file)).toBe('ok')
    // the backup itself still holds them (it is the copy from before the erasure): the test can see a canary
    const backupFile = listBackups(ctx.connection.file).find((b) => b.name === backupId)?.path ?? ''
    expect(readFileSync(backupFile).includes(Buffer.from(canaries.name, 'utf8'))).toBe(true)

    // undo: restoring the undo point brings back the customer added after the backup
    const undo = await call<{ jobId: string }>(ctx, 'startRestore', { backupId: job.result?.undoPointId })
    expect((await waitForJob(ctx, undo.jobId, 'restore')).state).toBe('done')
    const back = await ctx.db.selectFrom('customers').select('id').where('id', '=', other).execute()
    expect(back).toHaveLength(1)
    // writing works on the reopened database
    await createCustomer(ctx.db, { name: 'After the undo' }, NOW)
  })

  it('a restore waits for no one: it is refused while other work runs', async () => {
    const ctx = await testContext()
    await idle(ctx)
    const backupId = await backupNow(ctx)
    const started = await call<{ jobId: string }>(ctx, 'startBackup')
    expect(await refusal(ctx, 'startRestore', { backupId })).toBe('work_running')
    await ctx.jobs.wait(started.jobId)
  })
})

describe('recovery from a damaged database', () => {
  it('a damaged page: writes refused, what can be read exported, the latest backup restored', async () => {
    const dir = tempDir()
    let ctx = await context(dir)
    await idle(ctx)
    await importFile(ctx.connection.sqlite, fixture('loyverse-receipts-by-item.csv'))
    for (let i = 0; i < 400; i++)
      await createCustomer(ctx.db, { name: `ลูกค้า ${i}`, phone: `08${String(10_000_000 + i)}` }, NOW)
    const backupId = await backupNow(ctx)
    await ctx.close()
    damageMiddlePage(join(dir, 'shop.db'))

    ctx = await context(dir)
    try {
      expect(await call(ctx, 'getHealth')).toEqual({
        status: 'corrupt',
        latestGoodBackup: expect.objectContaining({ id: backupId }),
      })
      expect(ctx.jobs.list({ kind: 'backup' })).toEqual([]) // no daily backup of a damaged file
      expect(await refusal(ctx, 'customerCreate', { name: 'X' })).toBe('database_corrupt')
      expect(await refusal(ctx, 'startBackup')).toBe('database_corrupt')
      const salvage = await call<{ rows: number; unreadable: number; base64: string; fileName: string }>(
        ctx,
        'exportReadable',
        { table: 'customers', options: { format: 'csv', headers: { name: 'ชื่อ' } } },
      )
      expect(salvage.rows + salvage.unreadable).toBeGreaterThan(0)
      expect(Buffer.from(salvage.base64, 'base64').toString('utf8')).toContain('ชื่อ')
      expect(salvage.fileName).toMatch(/\.csv$/)

      const { jobId } = await call<{ jobId: string }>(ctx, 'startRestore', { backupId })
      const job = await waitForJob(ctx, jobId, 'restore')
      expect(job.state).toBe('done')
      expect(job.result?.healthy).toBe(true)
      expect(await call(ctx, 'getHealth')).toEqual({ status: 'ok', latestGoodBackup: null })
      expect(verifyDatabaseFile(join(dir, 'shop.db'))).toBe('ok')
      expect(await call<{ customers: number }>(ctx, 'getStats')).toMatchObject({
        customers: expect.any(Number),
      })
      await createCustomer(ctx.db, { name: 'Written after the restore' }, NOW)
      // the damaged file is kept as the undo point
      expect(listBackups(join(dir, 'shop.db')).map((b) => b.reason)).toContain('before-restore')
    } finally {
      await ctx.close()
    }
  })

  it('a file SQLite cannot open: the app still starts, and "start fresh" keeps the damaged file aside', async () => {
    const dir = tempDir()
    let ctx = await context(dir)
    await idle(ctx)
    await createCustomer(ctx.db, { name: 'Before the damage' }, NOW)
    await ctx.close()
    const file = join(dir, 'shop.db')
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 0, 100) // the header: no longer a SQLite file
    writeFileSync(file, bytes)

    ctx = await context(dir)
    try {
      expect(await call(ctx, 'getHealth')).toMatchObject({ status: 'corrupt' })
      expect(await call(ctx, 'getStats')).toMatchObject({ customers: 0 })
      expect(await refusal(ctx, 'customerCreate', { name: 'X' })).toBe('database_corrupt')
      const { keptAs } = await call<{ keptAs: string }>(ctx, 'startFresh')
      expect(existsSync(join(dir, keptAs))).toBe(true)
      expect(readFileSync(join(dir, keptAs)).subarray(0, 100)).toEqual(Buffer.alloc(100, 0x5a))
      expect(await call(ctx, 'getHealth')).toMatchObject({ status: 'ok' })
      await createCustomer(ctx.db, { name: 'A new start' }, NOW)
      expect(await call(ctx, 'getStats')).toMatchObject({ customers: 1 })
      expect(await refusal(ctx, 'startFresh')).toBe('conflict') // never on an intact database
    } finally {
      await ctx.close()
    }
  })
})
