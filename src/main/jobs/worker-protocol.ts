import type { ApiError } from '../../shared/result'

// The messages between a job and its worker thread (workers.ts <-> worker-side.ts).

export interface WorkerStart {
  jobId: string
  input: unknown
  /** Set to 1 when the job is cancelled; read by the worker's progress reports (synchronous work too). */
  cancelFlag: Int32Array
}

/**
 * The workerData of a thread kept between jobs (workers.ts, `keep`): it runs no job until a 'start' message
 * brings one, and serves one job at a time until it is terminated.
 */
export interface KeptWorkerData {
  kept: true
  /** Run the entry's warm-up (serveJob's `warmUp`) before the first job, and answer 'ready' after it. */
  warmUp?: boolean
}

export type ToWorker = { type: 'cancel' } | { type: 'start'; start: WorkerStart }

export type FromWorker =
  | { type: 'progress'; update: { phase: string; done?: number; total?: number | null } }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: ApiError }
  /** A kept thread started with `warmUp`: its warm-up has ended (`error`: it failed; the thread still serves). */
  | { type: 'ready'; error?: ApiError }
