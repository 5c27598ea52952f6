import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { RunAnalysisInput } from '../../../../shared/api/analysis'
import type { LukkhaEvent } from '../../../../shared/events'
import type { ApiError } from '../../../../shared/result'
import { call } from '../../api/client'
import { asApiError } from '../../components/errorText'
import { analysisKeys } from './queries'

// "Run the analysis with progress", for every page that changes the sales (the demo, an import) and for the
// analysis pages themselves. The job runs in a worker thread of the main process; its progress events arrive
// through window.lukkha.onEvent. The state lives here, outside React, so it survives a change of page: the
// demo starts a run on the welcome screen and the Segments page, opened a moment later, shows its bar.

export interface AnalysisJobState {
  jobId: string
  status: 'running' | 'done' | 'failed'
  done: number
  total: number | null
  /** The i18n key of the current step, e.g. 'analysis.phase.fitting'. */
  phase: string
  error: ApiError | null
}

type ProgressEvent = Extract<LukkhaEvent, { type: 'progress' }>

const DONE_PHASE = 'analysis.phase.done'
const FAILED_PHASE = 'analysis.phase.failed'
// Events are the news; a slow poll is the safety net should one be missed (e.g. the stream reconnecting).
const POLL_MS = 1500

let current: AnalysisJobState | null = null
let client: QueryClient | null = null
let listening = false
const listeners = new Set<() => void>()
/** Events of jobs not known yet: the event stream may overtake the answer of runAnalysis. */
const early = new Map<string, ProgressEvent>()
const waiters = new Map<string, ((state: AnalysisJobState) => void)[]>()

function publish(next: AnalysisJobState): void {
  const before = current?.jobId === next.jobId ? current.status : null
  current = next
  for (const listener of listeners) listener()
  if (next.status === 'running') {
    ensurePolling(next.jobId)
    return
  }
  if (next.status === 'done' && before !== 'done') {
    void client?.invalidateQueries({ queryKey: analysisKeys.all })
  }
  for (const resolve of waiters.get(next.jobId) ?? []) resolve(next)
  waiters.delete(next.jobId)
}

async function failedJobError(jobId: string): Promise<ApiError> {
  try {
    const job = await call('getAnalysisJob', { jobId })
    if (job.error) return asApiError(job.error)
  } catch {
    // The job is gone (the app restarted): report it as an internal failure below.
  }
  return { code: 'internal', message: `The analysis job ${jobId} failed.` }
}

function applyEvent(event: ProgressEvent): void {
  if (current?.jobId !== event.jobId) {
    // A job this page did not start (another page's import, or one begun before a reload): follow it too,
    // unless one of ours is still running.
    if (current?.status === 'running') {
      early.set(event.jobId, event)
      return
    }
  } else if (current.status !== 'running') return
  const base = { jobId: event.jobId, done: event.done, total: event.total, phase: event.phase, error: null }
  if (event.phase === FAILED_PHASE) {
    publish({ ...base, status: 'running' })
    void failedJobError(event.jobId).then((error) => publish({ ...base, status: 'failed', error }))
  } else {
    publish({ ...base, status: event.phase === DONE_PHASE ? 'done' : 'running' })
  }
}

function listen(queryClient: QueryClient): void {
  client = queryClient
  if (listening) return
  listening = true
  window.lukkha.onEvent((event) => {
    if (event.task === 'analysis') applyEvent(event)
  })
}

/** Read through a function: `current` changes while a poll awaits, which TypeScript's narrowing ignores. */
function isRunning(jobId: string): boolean {
  return current?.jobId === jobId && current.status === 'running'
}

const polling = new Set<string>()

function ensurePolling(jobId: string): void {
  if (polling.has(jobId)) return
  polling.add(jobId)
  void poll(jobId).finally(() => polling.delete(jobId))
}

async function poll(jobId: string): Promise<void> {
  while (isRunning(jobId)) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    if (!isRunning(jobId)) return
    try {
      const job = await call('getAnalysisJob', { jobId })
      if (job.status === 'running' || !isRunning(jobId)) continue
      const error = job.error ? asApiError(job.error) : null
      publish({ ...job, error })
    } catch (error) {
      if (isRunning(jobId)) {
        publish({
          jobId,
          status: 'failed',
          done: 0,
          total: null,
          phase: FAILED_PHASE,
          error: asApiError(error),
        })
      }
    }
  }
}

/**
 * Starts an analysis (or joins the one already running) and resolves with the job's final state once it is
 * done or failed; the analysis queries are refreshed when a run has been stored. A failure to start (e.g. no
 * sales yet) resolves as a failed state too, so callers need no try/catch.
 */
export async function startAnalysis(
  queryClient: QueryClient,
  options?: RunAnalysisInput,
): Promise<AnalysisJobState> {
  listen(queryClient)
  let jobId: string
  try {
    jobId = (await call('runAnalysis', options)).jobId
  } catch (error) {
    const failed: AnalysisJobState = {
      jobId: '',
      status: 'failed',
      done: 0,
      total: null,
      phase: FAILED_PHASE,
      error: asApiError(error),
    }
    publish(failed)
    return failed
  }
  if (current?.jobId === jobId) {
    // Its events overtook this answer: the job is followed already, and may even have finished.
    if (current.status !== 'running') return current
  } else {
    publish({ jobId, status: 'running', done: 0, total: null, phase: 'analysis.phase.starting', error: null })
    const seen = early.get(jobId)
    early.delete(jobId)
    if (seen) applyEvent(seen)
  }
  if (!isRunning(jobId) && current) return current
  return new Promise<AnalysisJobState>((resolve) => {
    waiters.set(jobId, [...(waiters.get(jobId) ?? []), resolve])
  })
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const snapshot = (): AnalysisJobState | null => current

/**
 * The analysis job of this window (the one running or the last one) and a function to start one. For the
 * import page: `const analysis = useRunAnalysis()`, then `analysis.start()` after a successful import and
 * `<AnalysisProgress />` (from this folder) to show its bar.
 */
export function useRunAnalysis(): {
  job: AnalysisJobState | null
  running: boolean
  start: (options?: RunAnalysisInput) => Promise<AnalysisJobState>
} {
  const queryClient = useQueryClient()
  // Listen from the first page that shows a job, so a run started elsewhere is followed too.
  useEffect(() => listen(queryClient), [queryClient])
  const job = useSyncExternalStore(subscribe, snapshot)
  const start = useCallback(
    (options?: RunAnalysisInput) => startAnalysis(queryClient, options),
    [queryClient],
  )
  return { job, running: job?.status === 'running', start }
}
