import type { RunAnalysisInput, SegmentRules } from '../../shared/api/analysis'
import type { Connection } from '../db'
import { freshTotals } from '../customers/totals'
import { ensureDashboardDays } from '../dashboard/stored-days'
import { LukkhaError } from '../errors'
import type { JobControl, JobKind, JobRegistry } from '../jobs/registry'
import { prestartWorker, runInWorker } from '../jobs/workers'
import {
  computeAnalysis,
  PROGRESS_TOTAL,
  pruneRuns,
  resolveParameters,
  saveAnalysis,
  type AnalysisParameters,
} from './run'
import { loadSegmentRules } from './segment-rules'

// An analysis run as a job kind of the one registry (src/main/jobs): in the analysis-worker thread
// (worker.ts) on its own connection to the same database file, or here for an in-memory database.
// One analysis runs at a time per registry (startAnalysis below).

/** What the worker thread gets (structured-cloneable). */
export interface AnalysisWorkerInput {
  file: string
  parameters: AnalysisParameters
  rules: SegmentRules
}

interface AnalysisJobInput {
  connection: Connection
  options: Omit<RunAnalysisInput, 'afterDataChange'>
  /** Resolved when the job was asked for; a queued job resolves them when it starts (the data changed). */
  resolved: { parameters: AnalysisParameters; rules: SegmentRules } | null
}

/**
 * Runs the analysis in the thread that calls it (the worker, or this one for an in-memory database). Every
 * progress report of the computing half is a cancel point; once saving has begun the run completes (the
 * save is one short transaction, and its last report comes after the commit).
 */
export async function analyseHere(
  connection: Connection,
  { parameters, rules }: Omit<AnalysisWorkerInput, 'file'>,
  job: JobControl,
): Promise<{ runId: number }> {
  const cancelled = (): never => {
    throw new LukkhaError('cancelled', 'The analysis was cancelled.')
  }
  const computed = computeAnalysis(connection.sqlite, parameters, rules, (p) => {
    job.progress(p)
    if (job.signal.aborted) cancelled()
  })
  if (job.signal.aborted) cancelled()
  const runId = saveAnalysis(connection.sqlite, computed, (p) => job.progress(p))
  // The run is stored and its 'analysis.phase.done' progress has gone out: the analysis pages refresh on it
  // (src/renderer/src/features/analysis/analysisJob.ts). What follows is upkeep they do not wait for:
  // the runs no longer kept are deleted
  pruneRuns(connection.sqlite)
  // the dashboard's stored days: imports and undos keep them current; rebuilt here only when they do not match
  ensureDashboardDays(connection.sqlite)
  // the customer totals, which the customer list and the dashboard's customer counts read, brought up to date
  // here in the background after the data changed, rather than by the first screen that needs them
  await freshTotals(connection.db)
  return { runId }
}

async function resolve(
  connection: Connection,
  options: AnalysisJobInput['options'],
): Promise<{ parameters: AnalysisParameters; rules: SegmentRules }> {
  const parameters = resolveParameters(connection.sqlite, options)
  const { rules } = await loadSegmentRules(connection.db)
  return { parameters, rules }
}

export const analysisJob: JobKind<AnalysisJobInput, { runId: number }> = {
  kind: 'analysis',
  firstPhase: 'analysis.phase.starting',
  async run({ connection, options, resolved }, job) {
    job.progress({ phase: 'analysis.phase.starting', done: 0, total: PROGRESS_TOTAL })
    const { parameters, rules } = resolved ?? (await resolve(connection, options))
    job.signal.throwIfAborted()
    if (connection.file === ':memory:' || connection.file === '') {
      // An in-memory database cannot be opened from another thread: run here, after this call returns.
      await new Promise((done) => setImmediate(done))
      return analyseHere(connection, { parameters, rules }, job)
    }
    const input: AnalysisWorkerInput = { file: connection.file, parameters, rules }
    // the thread is kept for the next run: its start and the code V8 optimised in this run are paid once per
    // app session (a later run in a new thread took 1.7-2.3 s at 100k customers, in the same thread ~1.0-1.3 s)
    return runInWorker<{ runId: number }>('analysis-worker', input, job, { keep: true })
  },
}

/**
 * Starts the analysis thread ahead of the session's first run and warms it up on the demo shop in memory
 * (warm-up.ts), so that first run does not pay the thread's start and V8's first compile of its code (the app
 * calls it once its window has loaded). At 100k customers a first run in a new thread took 1.6-2.7 s until
 * shown; after this, 1.2-1.7 s (the bench's medians 1.27 and 1.36 s; kept-thread runs 1.0-1.3 s). The idle
 * thread then holds ~40-70 MB until the first real run. Resolves true once warmed (see prestartWorker).
 */
export function prestartAnalysis(): Promise<boolean> {
  return prestartWorker('analysis-worker')
}

/**
 * Starts an analysis job, or answers with the one that will give the asked-for result: a request while a
 * job runs joins it, unless `afterDataChange` says the sales changed after it began; then one fresh job is
 * queued behind it (state 'queued', phase 'analysis.phase.waiting'), and any later request joins that one.
 * A bad request (no sales, a bad date) fails the call itself, not a job.
 */
export async function startAnalysis(
  jobs: JobRegistry,
  connection: Connection,
  input: RunAnalysisInput,
): Promise<{ jobId: string; alreadyRunning: boolean }> {
  const { afterDataChange = false, ...options } = input
  const current = jobs.list({ kind: 'analysis' })
  const queued = current.find((j) => j.state === 'queued')
  if (queued) return { jobId: queued.jobId, alreadyRunning: true }
  const running = current.find((j) => j.state === 'running')
  if (running && !afterDataChange) return { jobId: running.jobId, alreadyRunning: true }
  if (running) {
    const after = jobs.wait(running.jobId)
    return {
      jobId: jobs.start(analysisJob, { connection, options, resolved: null }, { after }),
      alreadyRunning: false,
    }
  }
  const resolved = await resolve(connection, options)
  // No await from here until the job is registered, so two calls at once cannot both start one
  if (jobs.busy('analysis')) return startAnalysis(jobs, connection, input)
  return { jobId: jobs.start(analysisJob, { connection, options, resolved }), alreadyRunning: false }
}
