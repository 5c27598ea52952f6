import type { ApiError } from '../../shared/result'

// The messages between a job and its worker thread (workers.ts <-> worker-side.ts).

export interface WorkerStart {
  jobId: string
  input: unknown
  /** Set to 1 when the job is cancelled; read by the worker's progress reports (synchronous work too). */
  cancelFlag: Int32Array
}

export type ToWorker = { type: 'cancel' }

export type FromWorker =
  | { type: 'progress'; update: { phase: string; done?: number; total?: number | null } }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: ApiError }
