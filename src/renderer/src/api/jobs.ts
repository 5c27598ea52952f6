import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import type { JobSummary } from '../../../shared/api/job-shape'
import { isJobFinished, isJobOf } from '../../../shared/api/job-states'
import type { JobKind, JobOf } from '../../../shared/api/jobs'
import type { JobEvent } from '../../../shared/events'
import { call } from './client'

// THE renderer's job hook, for every kind (import, analysis, ...): TanStack Query holds each job
// (['jobs', 'one', jobId], from getJob) and the latest job of each kind (['jobs', 'latest', kind], from
// listJobs); the main process's job events (window.lukkha.onEvent) update both as they arrive, and a job's
// end refetches it once for its result. No polling: the events are the news.

export const jobKeys = {
  all: ['jobs'] as const,
  one: (jobId: string) => ['jobs', 'one', jobId] as const,
  latest: (kind: JobKind) => ['jobs', 'latest', kind] as const,
}

type FinishedHandler = (job: JobSummary, client: QueryClient) => void
const finishedHandlers = new Map<string, Set<FinishedHandler>>()

/** Runs `handler` whenever a job of this kind ends (e.g. the analysis refreshes its pages when one is done). */
export function onJobFinished(kind: JobKind, handler: FinishedHandler): () => void {
  const set = finishedHandlers.get(kind) ?? new Set<FinishedHandler>()
  finishedHandlers.set(kind, set)
  set.add(handler)
  return () => set.delete(handler)
}

const phaseHandlers = new Map<string, Set<FinishedHandler>>()
/** The jobs that reached a watched phase (`jobId phase`), so each handler runs once per job. */
const phasesReached = new Set<string>()

/**
 * Runs `handler` once per job when a running job of this kind reaches `phase`: e.g. the analysis has stored
 * its run (its pages can show it) and goes on with upkeep before it ends.
 */
export function onJobPhase(kind: JobKind, phase: string, handler: FinishedHandler): () => void {
  const key = `${kind} ${phase}`
  const set = phaseHandlers.get(key) ?? new Set<FinishedHandler>()
  phaseHandlers.set(key, set)
  set.add(handler)
  return () => set.delete(handler)
}

const listening = new WeakSet<QueryClient>()

/** Feeds the job events into the query cache; called once, where the QueryClient is made. */
export function listenToJobs(client: QueryClient): void {
  if (listening.has(client)) return
  listening.add(client)
  window.lukkha.onEvent((event) => {
    if (event.type === 'job') applyJobEvent(client, event)
  })
}

function applyJobEvent(client: QueryClient, event: JobEvent): void {
  const { type: _type, ...status } = event
  const { state, phase, done, total } = event
  client.setQueryData<JobOf<JobKind>>(
    jobKeys.one(event.jobId),
    (old) => old && { ...old, state, phase, done, total },
  )
  const latestKey = jobKeys.latest(event.kind as JobKind)
  const latest = client.getQueryData<JobSummary | null>(latestKey)
  // follow this job as the kind's latest unless another one is still under way
  if (!latest || latest.jobId === event.jobId || isJobFinished(latest.state)) {
    const same = latest?.jobId === event.jobId ? latest : null
    client.setQueryData<JobSummary | null>(latestKey, {
      error: null,
      startedAt: '',
      finishedAt: null,
      ...same,
      ...status,
    })
  }
  const reached = `${event.jobId} ${phase}`
  if (!isJobFinished(state) && !phasesReached.has(reached)) {
    const handlers = phaseHandlers.get(`${event.kind} ${phase}`)
    if (handlers) {
      phasesReached.add(reached)
      for (const handler of handlers)
        handler({ error: null, startedAt: '', finishedAt: null, ...status }, client)
    }
  }
  if (!isJobFinished(state)) return
  for (const key of phasesReached) if (key.startsWith(`${event.jobId} `)) phasesReached.delete(key)
  void refetchEnded(client, jobKeys.one(event.jobId))
  void client.invalidateQueries({ queryKey: latestKey })
  for (const handler of finishedHandlers.get(event.kind) ?? []) {
    handler({ error: null, startedAt: '', finishedAt: null, ...status }, client)
  }
}

/**
 * Fetches an ended job again. A first getJob still in flight may have been answered before the job ended;
 * TanStack joins an invalidation to such a fetch (it cancels one only once the query has data), which would
 * leave the job 'running' for good, so that fetch is cancelled first and a new one asked.
 */
async function refetchEnded(client: QueryClient, queryKey: readonly unknown[]): Promise<void> {
  const query = client.getQueryCache().find({ queryKey, exact: true })
  if (query?.state.fetchStatus === 'fetching' && query.state.data === undefined) {
    await client.cancelQueries({ queryKey, exact: true })
  }
  await client.invalidateQueries({ queryKey, exact: true })
}

async function fetchJob<K extends JobKind>(jobId: string, kind: K): Promise<JobOf<K>> {
  const job = await call('getJob', { jobId })
  if (!isJobOf(job, kind)) throw new Error(`Job ${jobId} is a ${job.kind} job, not ${kind}.`)
  return job
}

/** The query of one job (what useJob watches): asked once, then kept current by the job's events. */
export function jobQuery<K extends JobKind>(jobId: string | null, kind: K) {
  return queryOptions({
    queryKey: jobKeys.one(jobId ?? ''),
    queryFn: () => fetchJob(jobId ?? '', kind),
    enabled: jobId !== null,
    staleTime: Infinity,
  })
}

/** One job, kept current by its events; `data.result` is typed by the kind once the job has ended. */
export function useJob<K extends JobKind>(jobId: string | null, kind: K) {
  return useQuery(jobQuery(jobId, kind))
}

/** The latest job of a kind this session (running, queued, or the last one to end), or null. */
export function useLatestJob(kind: JobKind) {
  return useQuery({
    queryKey: jobKeys.latest(kind),
    queryFn: async () => (await call('listJobs', { kind }))[0] ?? null,
    staleTime: Infinity,
  })
}

/** Marks a job just started as the kind's latest, so its bar shows before the first event arrives. */
export function noteJobStarted(client: QueryClient, kind: JobKind, jobId: string, phase: string): void {
  const latest = client.getQueryData<JobSummary | null>(jobKeys.latest(kind))
  if (latest?.jobId === jobId) return
  const started: JobSummary = {
    jobId,
    kind,
    state: 'running',
    phase,
    done: 0,
    total: null,
    error: null,
    startedAt: '',
    finishedAt: null,
  }
  client.setQueryData<JobSummary | null>(jobKeys.latest(kind), started)
}

/** Cancels a job (any kind); its end arrives as an event. */
export const cancelJob = (jobId: string) => call('cancelJob', { jobId })
