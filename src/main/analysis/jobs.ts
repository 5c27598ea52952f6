import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Connection } from '../db'
import { LukkhaError } from '../errors'
import type { AnalysisJob, AnalysisOptions } from '../../shared/api/analysis'
import type { LukkhaEvent } from '../../shared/events'
import { computeAnalysis, PROGRESS_TOTAL, resolveParameters, saveAnalysis, type Progress } from './run'
import { loadSegmentRules } from './segment-rules'
import type { WorkerInput, WorkerMessage } from './worker'

// Runs analyses off the UI thread: each job is a worker thread (worker.ts) with its own connection to the
// same database file. Progress goes out as { type: 'progress', task: 'analysis', jobId, done, total, phase }
// events; the job's state can also be polled. One analysis runs at a time per database: asking again while
// one runs returns that job.

interface JobEntry {
  job: AnalysisJob
  finished: Promise<AnalysisJob>
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

/**
 * The worker's script: the .ts source next to this file when running from source (tests, CLI through tsx),
 * or the bundled analysis-worker.js beside the app's main bundle (see electron.vite.config.ts); this code
 * may sit in the main bundle itself or in one of its chunks/, so both places are looked at.
 */
export function workerScript(): { url: URL; execArgv: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
  }
  const candidates = [
    new URL('./analysis-worker.js', import.meta.url),
    new URL('../analysis-worker.js', import.meta.url),
  ]
  const url = candidates.find((u) => existsSync(fileURLToPath(u)))
  if (!url)
    throw new Error(
      `The analysis worker script is missing (looked for ${candidates.map((u) => u.pathname).join(', ')}).`,
    )
  return { url, execArgv: [] }
}

export async function startAnalysisJob(
  connection: Connection,
  options: AnalysisOptions,
  emit: (event: LukkhaEvent) => void,
): Promise<{ jobId: string; alreadyRunning: boolean }> {
  // Checked here so a bad request (no sales, bad date) fails the call itself rather than a job
  const parameters = resolveParameters(connection.sqlite, options)
  const { rules } = await loadSegmentRules(connection.db)
  // No await from here until the job is registered, so two calls at once cannot both start one
  const jobs = registry(connection)
  const running = [...jobs.values()].find((e) => e.job.status === 'running')
  if (running) return { jobId: running.job.jobId, alreadyRunning: true }
  const jobId = `analysis-${randomUUID()}`
  const job: AnalysisJob = {
    jobId,
    status: 'running',
    done: 0,
    total: PROGRESS_TOTAL,
    phase: 'analysis.phase.starting',
    runId: null,
    error: null,
  }
  const progress = (p: Progress): void => {
    job.done = p.done
    job.total = p.total
    job.phase = p.phase
    emit({ type: 'progress', task: 'analysis', jobId, done: p.done, total: p.total, phase: p.phase })
  }
  const fail = (code: string, message: string): void => {
    job.status = 'failed'
    job.error = { code, message }
    job.phase = 'analysis.phase.failed'
    emit({ type: 'progress', task: 'analysis', jobId, done: job.done, total: job.total, phase: job.phase })
  }

  let finished: Promise<AnalysisJob>
  if (connection.file === ':memory:' || connection.file === '') {
    // An in-memory database cannot be opened from another thread: run here, after this call returns.
    finished = new Promise((done) =>
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
  } else {
    const { url, execArgv } = workerScript()
    const workerData: WorkerInput = { file: connection.file, parameters, rules }
    const worker = new Worker(url, { workerData, execArgv })
    finished = new Promise((done) => {
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
  jobs.set(jobId, { job, finished })
  prune(jobs)
  return { jobId, alreadyRunning: false }
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
