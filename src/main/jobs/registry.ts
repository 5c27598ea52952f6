import { randomUUID } from 'node:crypto'
import type { JobError, JobState, JobSummary } from '../../shared/api/job-shape'
import type { LukkhaEvent } from '../../shared/events'
import { LukkhaError, toApiError } from '../errors'

// One registry of jobs per API context, keyed by job id, for every kind of long work. A kind is a function
// (input, job) => Promise<result> that reports progress through `job.progress` and stops when `job.signal`
// aborts; it may run its work in a worker thread (workers.ts). The registry owns the states
// (queued -> running -> done | failed | cancelled), the one event shape ({ type: 'job', ...status }), cancel,
// waiting, and closing (cancel everything and wait for it). See README.md.

/** What a running job's function gets besides its input. */
export interface JobControl {
  readonly jobId: string
  /** Aborted when the job is cancelled (or the registry closes); stop soon after. */
  readonly signal: AbortSignal
  /** Reports progress: an i18n phase key and, where known, done of total. */
  progress(update: { phase: string; done?: number; total?: number | null }): void
}

/** How a job ends when its function returns (the default: done). */
export type JobEnding = { state: 'done' } | { state: 'cancelled' } | { state: 'failed'; error: JobError }

/** A kind of job: register one by defining it once (a module-level constant) and passing it to start(). */
export interface JobKind<I, R> {
  /** e.g. 'import'; also the prefix of its phase keys ('import.phase.done'). */
  readonly kind: string
  /** The phase a job shows before its first progress report. */
  readonly firstPhase: string
  run(input: I, job: JobControl): Promise<R>
  /** For a result that is not simply done (an import that rejected rows ended as failed with its summary). */
  ending?(result: R): JobEnding
  /** The result as the contract shows it, when the registry keeps more (e.g. a file path for a later call). */
  present?(result: R): unknown
}

/** A job as the registry holds it; getJob shapes it for the contract. */
export interface JobRecord<R = unknown> extends JobSummary {
  result: R | null
}

interface Entry {
  record: JobRecord
  present: (result: unknown) => unknown
  controller: AbortController
  settled: Promise<void>
}

export interface StartOptions {
  /** Start only when this has settled (the job shows 'queued' and phase '<kind>.phase.waiting' until then). */
  after?: Promise<unknown>
}

const KEEP_FINISHED_JOBS = 50

export class JobRegistry {
  private readonly entries = new Map<string, Entry>()
  private closed = false

  constructor(
    private readonly emit: (event: LukkhaEvent) => void,
    private readonly now: () => Date,
  ) {}

  /** Starts a job of this kind (now, or queued behind `options.after`) and returns its id at once. */
  start<I, R>(kind: JobKind<I, R>, input: I, options: StartOptions = {}): string {
    if (this.closed) throw new LukkhaError('conflict', 'Lukkha is closing; no new work can start.')
    const jobId = `${kind.kind}-${randomUUID()}`
    const record: JobRecord = {
      jobId,
      kind: kind.kind,
      state: options.after ? 'queued' : 'running',
      phase: options.after ? `${kind.kind}.phase.waiting` : kind.firstPhase,
      done: 0,
      total: null,
      result: null,
      error: null,
      startedAt: this.now().toISOString(),
      finishedAt: null,
    }
    const controller = new AbortController()
    const entry: Entry = {
      record,
      controller,
      settled: Promise.resolve(),
      present: (result) => (kind.present ? kind.present(result as R) : result),
    }
    // read through a function: the signal changes while the job awaits, which TypeScript's narrowing ignores
    const cancelled = (): boolean => controller.signal.aborted
    this.entries.set(jobId, entry)
    this.prune()
    this.send(record)
    entry.settled = (async () => {
      if (options.after) {
        await options.after.catch(() => undefined)
        if (cancelled()) {
          this.end(record, { state: 'cancelled' }, null)
          return
        }
        record.state = 'running'
        record.phase = kind.firstPhase
        record.startedAt = this.now().toISOString()
        this.send(record)
      } else {
        await Promise.resolve() // the caller gets the id before the first line of the job runs
      }
      if (cancelled()) {
        this.end(record, { state: 'cancelled' }, null)
        return
      }
      const control: JobControl = {
        jobId,
        signal: controller.signal,
        progress: ({ phase, done, total }) => {
          if (record.state !== 'running') return
          record.phase = phase
          if (done !== undefined) record.done = done
          if (total !== undefined) record.total = total
          this.send(record)
        },
      }
      try {
        const result = await kind.run(input, control)
        this.end(record, kind.ending?.(result) ?? { state: 'done' }, result)
      } catch (error) {
        const apiError = toApiError(error)
        if (cancelled() || apiError.code === 'cancelled') {
          this.end(record, { state: 'cancelled' }, null)
        } else this.end(record, { state: 'failed', error: apiError }, null)
      }
    })()
    return jobId
  }

  private end(record: JobRecord, ending: JobEnding, result: unknown): void {
    record.state = ending.state
    record.result = result
    record.error = ending.state === 'failed' ? ending.error : null
    record.phase = `${record.kind}.phase.${ending.state}`
    if (ending.state === 'done' && record.total !== null) record.done = record.total
    record.finishedAt = this.now().toISOString()
    this.send(record)
  }

  private send(record: JobRecord): void {
    const { jobId, kind, state, phase, done, total } = record
    this.emit({ type: 'job', jobId, kind, state, phase, done, total })
  }

  private entry(jobId: string): Entry {
    const entry = this.entries.get(jobId)
    if (!entry) {
      throw new LukkhaError('not_found', `There is no job ${jobId} (it may belong to an earlier session).`)
    }
    return entry
  }

  /** The job as it is now (a copy), its result as the registry keeps it. */
  get(jobId: string): JobRecord {
    return { ...this.entry(jobId).record }
  }

  /** The job as it is now, its result as its kind presents it (what getJob answers). */
  snapshot(jobId: string): JobRecord {
    const { record, present } = this.entry(jobId)
    return { ...record, result: record.result === null ? null : present(record.result) }
  }

  /** The result of a job of this kind that has one (typed by the kind; not_found otherwise). */
  resultOf<R>(kind: JobKind<never, R>, jobId: string): R {
    const { record } = this.entry(jobId)
    if (record.kind !== kind.kind || record.result === null) {
      throw new LukkhaError('not_found', `Job ${jobId} is not a finished ${kind.kind} job with a result.`)
    }
    return record.result as R
  }

  /** The jobs of this session, newest first, optionally of one kind and/or state. */
  list(filter: { kind?: string; state?: JobState } = {}): JobRecord[] {
    return [...this.entries.values()]
      .map((e) => ({ ...e.record }))
      .filter(
        (r) =>
          (filter.kind === undefined || r.kind === filter.kind) &&
          (filter.state === undefined || r.state === filter.state),
      )
      .reverse()
  }

  /** Is any job (of this kind) queued or running? */
  busy(kind?: string): boolean {
    return this.list({ ...(kind ? { kind } : {}) }).some((r) => r.state === 'queued' || r.state === 'running')
  }

  /** Asks a job to stop; false when it had already ended. It ends as cancelled once its function returns. */
  cancel(jobId: string): boolean {
    const { record, controller } = this.entry(jobId)
    if (record.state !== 'queued' && record.state !== 'running') return false
    controller.abort()
    return true
  }

  /** Resolves with the job once it has ended. */
  async wait(jobId: string): Promise<JobRecord> {
    await this.entry(jobId).settled
    return this.get(jobId)
  }

  /** Cancels every job and waits until all have ended; no job starts afterwards. */
  async close(): Promise<void> {
    this.closed = true
    for (const { controller } of this.entries.values()) controller.abort()
    await Promise.all([...this.entries.values()].map((e) => e.settled))
  }

  private prune(): void {
    const finished = [...this.entries.values()].filter(
      (e) => e.record.state !== 'queued' && e.record.state !== 'running',
    )
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED_JOBS))) {
      this.entries.delete(e.record.jobId)
    }
  }
}
