import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/main/api/context'
import { dispatch } from '../../src/main/api/dispatch'
import { previewFile } from '../../src/main/import/preview'
import { PREVIEW_BOUNDS } from '../../src/main/import/preview-thread'
import { configureWorkers } from '../../src/main/jobs/workers'
import { upload } from '../api/import-helpers'
import { testContext, tempDir } from '../helpers/db'
import { fixture } from '../import/helpers'
import { bitFlipped, lyingZipBomb, zipBomb } from './workbooks'

// The import preview of a workbook runs in a worker thread (the import-preview entry) under the parser's
// memory cap, a time bound and a cancel, like the import itself: a zip bomb or a bit-flipped workbook
// answers a coded error and the main thread never parses it. Workers run from source here, as in the app.

async function previewAnswer(ctx: ApiContext, path: string): Promise<unknown> {
  const fileId = await upload(ctx, path, 64 * 1024)
  const answer = await dispatch('importPreview', { fileId }, ctx)
  return answer.ok ? { ok: true, data: answer.data } : { ok: false, code: answer.error.code }
}

function write(dir: string, name: string, bytes: Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

describe('the XLSX preview is read off the main thread, bounded', () => {
  beforeAll(() => configureWorkers('source'))
  afterAll(() => configureWorkers(null))

  it('a bit-flipped workbook, a cut one and zip bombs answer coded errors', async () => {
    const ctx = await testContext()
    const dir = tempDir()
    const good = readFileSync(fixture('sales.xlsx'))
    for (const offset of [200, 3000]) {
      expect(await previewAnswer(ctx, write(dir, `flip-${offset}.xlsx`, bitFlipped(good, offset)))).toEqual({
        ok: false,
        code: 'file_damaged',
      })
    }
    expect(await previewAnswer(ctx, write(dir, 'cut.xlsx', good.subarray(0, good.length / 2)))).toEqual({
      ok: false,
      code: 'file_damaged',
    })
    expect(await previewAnswer(ctx, write(dir, 'bomb.xlsx', zipBomb()))).toEqual({
      ok: false,
      code: 'file_too_big',
    })
    expect(await previewAnswer(ctx, write(dir, 'liar.xlsx', lyingZipBomb()))).toMatchObject({
      ok: false,
      code: expect.stringMatching(/^file_(too_big|damaged)$/),
    })
  })

  it('a good workbook previews exactly as it does in the main thread', async () => {
    const ctx = await testContext()
    const viaWorker = await previewAnswer(ctx, fixture('sales.xlsx'))
    configureWorkers(null) // from source and unconfigured: the preview runs in this thread
    let here: unknown
    try {
      here = await previewAnswer(ctx, fixture('sales.xlsx'))
    } finally {
      configureWorkers('source')
    }
    expect(viaWorker).toMatchObject({ ok: true, data: { format: 'xlsx' } })
    const strip = (a: unknown): unknown => ({ ...(a as { data: object }).data, fileId: '' })
    expect(strip(viaWorker)).toEqual(strip(here))
    expect((viaWorker as { data: { rows: unknown[] } }).data.rows.length).toBeGreaterThan(0)
  })

  it('the worker is bounded: time (file_too_slow), memory (file_too_much_memory) and cancel', async () => {
    const ctx = await testContext()
    const path = fixture('sales.xlsx')
    const run = (bounds: typeof PREVIEW_BOUNDS, signal?: AbortSignal): Promise<unknown> =>
      previewFile(ctx.connection.sqlite, path, {}, { dbFile: ctx.connection.file, bounds, signal }).then(
        () => 'previewed',
        (error: unknown) => {
          const { code, params } = error as { code?: string; params?: unknown }
          return { code, params }
        },
      )
    // a bound far shorter than a worker needs to start: stopped by the bound, for certain
    expect(await run({ ...PREVIEW_BOUNDS, timeMs: 1 })).toEqual({
      code: 'file_too_slow',
      params: { file: 'sales.xlsx', seconds: 0 },
    })
    // a heap far too small for the worker: its out-of-memory end is a coded error, and the app goes on
    expect(await run({ ...PREVIEW_BOUNDS, maxOldGenerationSizeMb: 16 })).toMatchObject({
      code: 'file_too_much_memory',
    })
    const stop = new AbortController()
    const cancelled = run(PREVIEW_BOUNDS, stop.signal)
    setImmediate(() => stop.abort()) // while the thread starts or reads: it is terminated either way
    expect(await cancelled).toMatchObject({ code: 'cancelled' })
    expect(await run(PREVIEW_BOUNDS)).toBe('previewed')
  })
})
