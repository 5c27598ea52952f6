import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { ApiError } from '../../shared/result'
import type { LukkhaEvent } from '../../shared/events'
import { openDatabase } from '../db'
import { LukkhaError, toApiError } from '../errors'
import { runImport, type ImportProgress } from './run'
import type { ImportOptions, ImportSummary } from './types'

// Import jobs: each import runs on its own database connection, in a worker thread when one is configured
// (the app: the worker bundled by electron-vite), otherwise in this thread between its I/O waits (tests, the
// test harness). Progress goes out as 'progress' events; the final state stays here until asked for.

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; summary: ImportSummary }
  | ({ type: 'error' } & ApiError)

export interface WorkerSpec {
  /** The worker module: the built worker.js in the app, or worker.ts with execArgv ['--import', 'tsx']. */
  path: string | URL
  execArgv?: string[]
}

let workerSpec: WorkerSpec | null = null

/** Where the import worker is; null runs imports in the calling thread. Set once by the app at start. */
export function configureImportWorker(spec: WorkerSpec | null): void {
  workerSpec = spec
}

export type JobStateName = 'running' | 'done' | 'rejected' | 'cancelled' | 'failed'

export interface JobState {
  jobId: string
  fileId: string
  state: JobStateName
  progress: { done: number; total: number | null; phase: string }
  summary: ImportSummary | null
  error: ApiError | null
}

interface Job extends JobState {
  cancel(): void
  finished: Promise<void>
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>()

  constructor(
    private readonly dbFile: string,
    private readonly emit: (event: LukkhaEvent) => void,
  ) {}

  start(fileId: string, file: string, options: ImportOptions): string {
    if (this.dbFile === ':memory:' || this.dbFile === '') {
      throw new LukkhaError(
        'internal',
        'Imports need a database file (an in-memory database cannot be shared with a job).',
      )
    }
    const jobId = randomUUID()
    let cancel: () => void = () => undefined
    let settle: () => void = () => undefined
    const job: Job = {
      jobId,
      fileId,
      state: 'running',
      progress: { done: 0, total: null, phase: 'import.phase.checking' },
      summary: null,
      error: null,
      cancel: () => cancel(),
      finished: new Promise<void>((resolve) => (settle = resolve)),
    }
    this.jobs.set(jobId, job)
    const onProgress = (p: ImportProgress): void => {
      job.progress = { done: p.done, total: p.total || null, phase: p.phase }
      this.emit({
        type: 'progress',
        task: 'import',
        jobId,
        done: p.done,
        total: p.total || null,
        phase: p.phase,
      })
    }
    const finish = (outcome: { summary: ImportSummary } | { error: JobState['error'] }): void => {
      if (job.state !== 'running') return
      if ('summary' in outcome) {
        job.summary = outcome.summary
        job.state = outcome.summary.status
      } else {
        job.error = outcome.error
        job.state = 'failed'
      }
      const total = job.progress.total
      this.emit({
        type: 'progress',
        task: 'import',
        jobId,
        done: total ?? 0,
        total,
        phase: `import.phase.${job.state}`,
      })
      settle()
    }
    if (workerSpec) cancel = this.inWorker(workerSpec, file, options, onProgress, finish)
    else cancel = this.inThisThread(file, options, onProgress, finish)
    return jobId
  }

  private inThisThread(
    file: string,
    options: ImportOptions,
    onProgress: (p: ImportProgress) => void,
    finish: (outcome: { summary: ImportSummary } | { error: JobState['error'] }) => void,
  ): () => void {
    const controller = new AbortController()
    void (async () => {
      const connection = openDatabase(this.dbFile)
      try {
        const summary = await runImport(connection.sqlite, file, options, {
          signal: controller.signal,
          onProgress,
        })
        finish({ summary })
      } catch (error) {
        finish({ error: describe(error) })
      } finally {
        await connection.close()
      }
    })()
    return () => controller.abort()
  }

  private inWorker(
    spec: WorkerSpec,
    file: string,
    options: ImportOptions,
    onProgress: (p: ImportProgress) => void,
    finish: (outcome: { summary: ImportSummary } | { error: JobState['error'] }) => void,
  ): () => void {
    const worker = new Worker(spec.path, {
      workerData: { dbFile: this.dbFile, file, options },
      ...(spec.execArgv ? { execArgv: spec.execArgv } : {}),
    })
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress)
      else if (message.type === 'done') finish({ summary: message.summary })
      else {
        const { type: _type, ...error } = message
        finish({ error })
      }
    })
    worker.on('error', (error) => finish({ error: describe(error) }))
    worker.on('exit', (code) =>
      finish({
        error: { code: 'internal', message: `The import stopped unexpectedly (worker exit code ${code}).` },
      }),
    )
    return () => worker.postMessage({ type: 'cancel' })
  }

  get(jobId: string): JobState {
    const job = this.jobs.get(jobId)
    if (!job)
      throw new LukkhaError('not_found', 'There is no such import job (it may belong to an earlier session).')
    const { fileId, state, progress, summary, error } = job
    return { jobId, fileId, state, progress, summary, error }
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job) throw new LukkhaError('not_found', 'There is no such import job.')
    if (job.state !== 'running') return false
    job.cancel()
    return true
  }

  /** Resolves when the job has ended (for callers that wait, such as tests and the test harness). */
  async wait(jobId: string): Promise<JobState> {
    const job = this.jobs.get(jobId)
    if (!job) throw new LukkhaError('not_found', 'There is no such import job.')
    await job.finished
    return this.get(jobId)
  }

  running(): boolean {
    for (const job of this.jobs.values()) if (job.state === 'running') return true
    return false
  }
}

function describe(error: unknown): NonNullable<JobState['error']> {
  return toApiError(error)
}
