import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { bundledEntry } from '../bundled-entry'
import type { Connection } from '../db'
import { LukkhaError } from '../errors'
import type { AnalysisJob, AnalysisPhase, RunAnalysisInput, SegmentRules } from '../../shared/api/analysis'
import type { LukkhaEvent } from '../../shared/events'
import {
  computeAnalysis,
  PROGRESS_TOTAL,
  resolveParameters,
  saveAnalysis,
  type AnalysisParameters,
  type Progress,
} from './run'
import { loadSegmentRules } from './segment-rules'
import type { WorkerInput, WorkerMessage } from './worker'

// Runs analyses off the UI thread: each job is a worker thread (worker.ts) with its own connection to the
// same database file. Progress goes out as { type: 'progress', task: 'analysis', jobId, done, total, phase }
// events; the job's state can also be polled. One analysis runs at a time per database: asking again while
// one runs returns that job.

interface JobEntry {
  job: AnalysisJob
  /** Waiting for the running job to end before it starts. */
  queued: boolean
  finished: Promise<AnalysisJob>
  progress: (p: Progress) => void
  fail: (code: string, message: string) => void
}

const KEEP_FINISHED_JOBS = 20
const jobsByConnection = new WeakMap<Connection, Map<string, JobEntry>>()

function registry(connection: Connection): Map<string, JobEntry> {
  let jobs = jobsByConnection.get(connection)
  if (!jobs) {
    jobs = new Map()
    jobsByConnection.set(connection, jobs)
  }
  return jobs
}

export interface AnalysisWorkerSpec {
  path: string | URL
  execArgv?: string[]
}

let configuredWorker: AnalysisWorkerSpec | null = null

/**
 * Which worker script to run; null (the default) finds it by itself (see workerScript). The test harness
 * sets the bundled one so its workers start as in the app instead of compiling the sources through tsx.
 */
export function configureAnalysisWorker(spec: AnalysisWorkerSpec | null): void {
  configuredWorker = spec
}

/**
 * The worker's script: the configured one; else the .ts source next to this file when running from source
 * (tests, CLI through tsx), or the bundled analysis-worker.js beside the app's main bundle (see
 * electron.vite.config.ts); this code may sit in the main bundle itself or in one of its chunks/, so both
 * places are looked at.
 */
export function workerScript(): { url: string | URL; execArgv: string[] } {
  if (configuredWorker) return { url: configuredWorker.path, execArgv: configuredWorker.execArgv ?? [] }
  if (import.meta.url.endsWith('.ts')) {
    return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
  }
  const url = bundledEntry('analysis-worker.js', import.meta.url, 'The analysis worker script')
  return { url, execArgv: [] }
}

/**
 * Starts an analysis job, or answers with the one that will give the asked-for result: a request while a
 * job runs joins it, unless `afterDataChange` says the sales changed after it began; then one fresh job is
 * queued behind it (phase 'waiting'), and any later request joins that queued job.
 */
export async function startAnalysisJob(
  connection: Connection,
  input: RunAnalysisInput,
  emit: (event: LukkhaEvent) => void,
): Promise<{ jobId: string; alreadyRunning: boolean }> {
  const { afterDataChange = false, ...options } = input
  const jobs = registry(connection)
  const queued = [...jobs.values()].find((e) => e.queued)
  if (queued) return { jobId: queued.job.jobId, alreadyRunning: true }
  const running = [...jobs.values()].find((e) => e.job.status === 'running')
  if (running && !afterDataChange) return { jobId: running.job.jobId, alreadyRunning: true }
  if (running) {
    const entry = newEntry(emit, 'analysis.phase.waiting')
    entry.queued = true
    entry.finished = running.finished.then(async () => {
      entry.queued = false
      try {
        const parameters = resolveParameters(connection.sqlite, options)
        const { rules } = await loadSegmentRules(connection.db)
        return await launch(connection, entry, parameters, rules)
      } catch (error) {
        entry.fail(
          error instanceof LukkhaError ? error.code : 'internal',
          error instanceof Error ? error.message : String(error),
        )
        return entry.job
      }
    })
    jobs.set(entry.job.jobId, entry)
    prune(jobs)
    entry.progress({ done: 0, total: PROGRESS_TOTAL, phase: 'analysis.phase.waiting' })
    return { jobId: entry.job.jobId, alreadyRunning: false }
  }
  // Checked here so a bad request (no sales, bad date) fails the call itself rather than a job
  const parameters = resolveParameters(connection.sqlite, options)
  const { rules } = await loadSegmentRules(connection.db)
  // No await from here until the job is registered, so two calls at once cannot both start one
  const again = [...jobs.values()].find((e) => e.job.status === 'running')
  if (again) return startAnalysisJob(connection, input, emit)
  const entry = newEntry(emit, 'analysis.phase.starting')
  entry.finished = launch(connection, entry, parameters, rules)
  jobs.set(entry.job.jobId, entry)
  prune(jobs)
  return { jobId: entry.job.jobId, alreadyRunning: false }
}

function newEntry(emit: (event: LukkhaEvent) => void, phase: AnalysisPhase): JobEntry {
  const job: AnalysisJob = {
    jobId: `analysis-${randomUUID()}`,
    status: 'running',
    done: 0,
    total: PROGRESS_TOTAL,
    phase,
    runId: null,
    error: null,
  }
  const send = (): void =>
    emit({
      type: 'progress',
      task: 'analysis',
      jobId: job.jobId,
      done: job.done,
      total: job.total,
      phase: job.phase,
    })
  return {
    job,
    queued: false,
    finished: Promise.resolve(job),
    progress: (p) => {
      job.done = p.done
      job.total = p.total
      job.phase = p.phase
      send()
    },
    fail: (code, message) => {
      job.status = 'failed'
      job.error = { code, message }
      job.phase = 'analysis.phase.failed'
      send()
    },
  }
}

/** Runs the job: in a worker thread on its own connection, or here for an in-memory database. */
function launch(
  connection: Connection,
  entry: JobEntry,
  parameters: AnalysisParameters,
  rules: SegmentRules,
): Promise<AnalysisJob> {
  const { job, progress, fail } = entry
  if (connection.file === ':memory:' || connection.file === '') {
    // An in-memory database cannot be opened from another thread: run here, after this call returns.
    return new Promise((done) =>
      setImmediate(() => {
        try {
          job.runId = saveAnalysis(
            connection.sqlite,
            computeAnalysis(connection.sqlite, parameters, rules, progress),
            progress,
          )
          job.status = 'done'
        } catch (error) {
          fail(
            error instanceof LukkhaError ? error.code : 'internal',
            error instanceof Error ? error.message : String(error),
          )
        }
        done(job)
      }),
    )
  }
  const { url, execArgv } = workerScript()
  const workerData: WorkerInput = { file: connection.file, parameters, rules }
  const worker = new Worker(url, { workerData, execArgv })
  return new Promise((done) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message)
      else if (message.type === 'done') {
        job.runId = message.runId
        job.status = 'done'
      } else fail(message.code, message.message)
    })
    worker.on('error', (error) => fail('internal', error.message))
    worker.on('exit', (code) => {
      if (job.status === 'running')
        fail('internal', `The analysis worker stopped unexpectedly (exit code ${code}).`)
      done(job)
    })
  })
}

function prune(jobs: Map<string, JobEntry>): void {
  const finished = [...jobs.values()].filter((e) => e.job.status !== 'running')
  for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED_JOBS))) {
    jobs.delete(entry.job.jobId)
  }
}

export function getAnalysisJob(connection: Connection, jobId: string): AnalysisJob {
  const entry = registry(connection).get(jobId)
  if (!entry) throw new LukkhaError('not_found', `There is no analysis job ${jobId}.`)
  return { ...entry.job }
}

/** Resolves when the job has finished (done or failed). */
export async function waitForAnalysisJob(connection: Connection, jobId: string): Promise<AnalysisJob> {
  const entry = registry(connection).get(jobId)
  if (!entry) throw new LukkhaError('not_found', `There is no analysis job ${jobId}.`)
  return { ...(await entry.finished) }
}
