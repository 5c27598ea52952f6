import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { SurveyImportResult, SurveyMapping } from '../../shared/api/surveys'
import { openDatabase } from '../db'
import type { Database } from '../db/schema'
import type { JobControl, JobKind } from '../jobs/registry'
import { preferWorkers, runInWorker } from '../jobs/workers'
import { importSurveyResponses, type SurveyImportControl } from './import'

// The survey import as a job of the one registry (src/main/jobs): progress (reading, checking, writing),
// cancel (nothing stored), and the result with its row errors. The file crosses the API as bytes: the job
// writes them to a folder of its own, imports them in the survey-import-worker thread (in the app and
// whenever workers are configured; here when running from source unconfigured, as tests do) and removes the
// folder. A file with a bad row ends the job as failed, its result listing the rows.

/** What the worker thread gets (structured-cloneable). */
export interface SurveyImportWorkerInput {
  dbFile: string
  path: string
  fileName: string
  mapping: SurveyMapping
}

export interface SurveyImportJobInput {
  db: Kysely<Database>
  dbFile: string
  fileName: string
  bytes: Uint8Array
  mapping: SurveyMapping
}

const controlOf = (job: JobControl): SurveyImportControl => ({
  signal: job.signal,
  progress: (step, done, total) => job.progress({ phase: `survey-import.phase.${step}`, done, total }),
})

/** One import on a connection of its own (the worker's, or the calling thread's when workers are off). */
export async function importOnOwnConnection(
  { dbFile, path, fileName, mapping }: SurveyImportWorkerInput,
  job: JobControl,
): Promise<SurveyImportResult> {
  const connection = openDatabase(dbFile)
  try {
    return await importSurveyResponses(connection.db, { path, fileName, mapping }, controlOf(job))
  } finally {
    await connection.close()
  }
}

export const surveyImportJob: JobKind<SurveyImportJobInput, SurveyImportResult> = {
  kind: 'survey-import',
  firstPhase: 'survey-import.phase.reading',
  async run({ db, dbFile, fileName, bytes, mapping }, job) {
    const dir = await mkdtemp(join(tmpdir(), 'lukkha-survey-import-'))
    try {
      const path = join(dir, 'upload')
      await writeFile(path, bytes)
      if (dbFile === ':memory:' || dbFile === '') {
        // an in-memory database cannot be opened again: import on the caller's connection
        return await importSurveyResponses(db, { path, fileName, mapping }, controlOf(job))
      }
      const input: SurveyImportWorkerInput = { dbFile, path, fileName, mapping }
      return preferWorkers()
        ? await runInWorker<SurveyImportResult>('survey-import-worker', input, job)
        : await importOnOwnConnection(input, job)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  },
  ending(result) {
    if (result.status === 'done') return { state: 'done' }
    return {
      state: 'failed',
      error: {
        code: 'rows_rejected',
        message: `${result.fileName}: ${result.errorCount} rows could not be used, so nothing was stored.`,
        params: { file: result.fileName, rows: result.errorCount },
      },
    }
  },
}
