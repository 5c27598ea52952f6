import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiContext } from '../../src/main/app-context'
import { configureWorkers } from '../../src/main/jobs/workers'
import { call, finished, upload } from '../api/import-helpers'
import { tempDir } from '../helpers/db'
import { fixture } from './helpers'

// An import records the time its job was started on the API context's clock (tests set "today"), in this
// thread and in the import-worker thread, which cannot be handed a function: the time travels in the input.

afterEach(() => configureWorkers(null))

async function importOnClock(where: 'here' | 'worker') {
  configureWorkers(where === 'worker' ? 'source' : null)
  const ctx = await createApiContext({
    dbFile: join(tempDir(), 'shop.db'),
    appVersion: '0.0.0-test',
    systemLocale: 'th-TH',
    now: () => new Date(2024, 2, 15, 10, 20, 30), // shop-local 2024-03-15 10:20:30
  })
  try {
    const fileId = await upload(ctx, fixture('square-items-detail.csv'))
    const job = await finished(ctx, (await call(ctx, 'startImport', { fileId })).jobId)
    expect(job.result).toMatchObject({ status: 'done' })
    const row = await ctx.db
      .selectFrom('imports')
      .select(['started_at', 'finished_at'])
      .executeTakeFirstOrThrow()
    const mappings = await ctx.db.selectFrom('import_mappings').select(['created_at', 'used_at']).execute()
    return { row, mappings }
  } finally {
    await ctx.close()
  }
}

describe("an import's clock", () => {
  it.each(['here', 'worker'] as const)(
    'records the job start time of a set clock (%s)',
    async (where) => {
      const { row, mappings } = await importOnClock(where)
      expect(row).toEqual({ started_at: '2024-03-15T10:20:30', finished_at: '2024-03-15T10:20:30' })
      for (const m of mappings)
        expect(m).toEqual({ created_at: '2024-03-15T10:20:30', used_at: '2024-03-15T10:20:30' })
    },
    120_000,
  )
})
