import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import type { ImportSummaryDto } from '../../shared/api/import'
import { openDatabase } from '../db'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import type { JobKind, JobRegistry } from '../jobs/registry'
import { preferWorkers, runInWorker } from '../jobs/workers'
import { runImport, type ImportProgress } from './run'
import { newCustomersOf } from './history'
import type { ImportOptions, ImportSummary } from './types'

// The import as a job kind of the one registry (src/main/jobs): on its own database connection, in the
// import-worker thread (worker.ts) in the app, or in this thread between its I/O waits when running from
// source (tests). The job's result is the contract's summary plus where the rejected rows were written.

/** What the worker thread gets (structured-cloneable). */
export interface ImportWorkerInput {
  dbFile: string
  file: string
  options: ImportOptions
  /** When the job was started (ISO), on the API context's clock: the time the import records. */
  startedAt: string
}

/**
 * The import worker's bounds (tests shorten them): with no progress report for IMPORT_STALL_MS (a workbook
 * whose parse hangs inside exceljs, a file that never ends) the thread is terminated and the job fails with
 * file_too_slow; after a cancel, a thread that has not stopped within CANCEL_GRACE_MS is terminated.
 */
export interface ImportBounds {
  stallMs: number
  cancelGraceMs: number
}
export const IMPORT_BOUNDS: ImportBounds = { stallMs: 120_000, cancelGraceMs: 2_000 }

interface ImportJobInput extends ImportWorkerInput {
  db: Kysely<Database>
  bounds?: ImportBounds
}

export type ImportJobResult = ImportSummaryDto & { rejectedFile: string | null }

/** The engine's progress as a job's progress report (total 0: not known yet). */
export const importProgress = (p: ImportProgress) => ({
  phase: p.phase,
  done: p.done,
  total: p.total || null,
})

export const importJob: JobKind<ImportJobInput, ImportJobResult> = {
  kind: 'import',
  firstPhase: 'import.phase.checking',
  async run({ db, bounds = IMPORT_BOUNDS, ...input }, job) {
    const summary = preferWorkers()
      ? await runInWorker<ImportSummary>('import-worker', input, job, {
          stallMs: bounds.stallMs,
          cancelGraceMs: bounds.cancelGraceMs,
          stalled: () => {
            const file = basename(input.options.fileName ?? input.file)
            const seconds = Math.round(bounds.stallMs / 1000)
            return new LukkhaError(
              'file_too_slow',
              `${file}: reading the file made no progress for ${seconds} s, so it was stopped; nothing was stored. The file may be damaged or far too big.`,
              undefined,
              { file, seconds },
            )
          },
        })
      : await importHere(input, job.signal, (p) => job.progress(importProgress(p)))
    const { rejectedFile, parts: _parts, ...rest } = summary
    const newCustomers =
      summary.status === 'done' && summary.importId !== null ? await newCustomersOf(db, summary.importId) : []
    return { ...rest, hasRejectedRows: rejectedFile !== null, newCustomers, rejectedFile }
  },
  ending(result) {
    if (result.status !== 'failed') return { state: result.status }
    return {
      state: 'failed',
      error: {
        code: 'bad_input',
        message: `${result.fileName}: ${result.rowsRejected} rows could not be used, so nothing was stored.`,
      },
    }
  },
  present: ({ rejectedFile: _rejectedFile, ...summary }) => summary,
}

async function importHere(
  { dbFile, file, options, startedAt }: ImportWorkerInput,
  signal: AbortSignal,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportSummary> {
  const connection = openDatabase(dbFile)
  try {
    return await runImport(connection.sqlite, file, options, {
      signal,
      onProgress,
      now: () => new Date(startedAt),
    })
  } finally {
    await connection.close()
  }
}

/** Starts an import of an uploaded file as a job; fails the call itself when the database is in memory. */
export function startImportJob(
  jobs: JobRegistry,
  db: Kysely<Database>,
  dbFile: string,
  file: string,
  options: ImportOptions,
  startedAt: Date,
): string {
  if (dbFile === ':memory:' || dbFile === '') {
    throw new LukkhaError(
      'internal',
      'Imports need a database file (an in-memory database cannot be shared with a job).',
    )
  }
  return jobs.start(importJob, { db, dbFile, file, options, startedAt: startedAt.toISOString() })
}
