import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { bundledEntry } from '../bundled-entry'
import { fromApiError, LukkhaError } from '../errors'
import { workerEntries, type WorkerName } from './entries'
import type { JobControl } from './registry'
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol'

// Starting a job's worker thread by its entry's name (entries.ts), and the main-thread half of the one
// protocol every job worker speaks (worker-protocol.ts; the worker's half is serveJob in worker-side.ts).

/** Where worker scripts come from: a built bundle's folder, the TypeScript sources (through tsx), or null. */
export type WorkerSource = { bundle: string } | 'source' | null

let configured: WorkerSource = null
const runningFromSource = import.meta.url.endsWith('.ts')

/**
 * null (the default): the app's bundle beside this code when built, the sources when running from source.
 * The test harness sets { bundle: 'out/main' } so its workers start as in the app.
 */
export function configureWorkers(source: WorkerSource): void {
  configured = source
}

/**
 * Whether work that can run either way should use a worker thread: yes in the app and whenever workers are
 * configured; no when running from source unconfigured (tests), where starting one costs a tsx compile.
 */
export function preferWorkers(): boolean {
  return configured !== null || !runningFromSource
}

/** A worker entry's script and the Node options it needs. */
export function workerScript(name: WorkerName): { url: URL; execArgv: string[] } {
  if (configured === 'source' || (configured === null && runningFromSource)) {
    // this file is src/main/jobs/workers.ts; the entries are named from the project root
    return { url: new URL(`../../../${workerEntries[name]}`, import.meta.url), execArgv: ['--import', 'tsx'] }
  }
  if (configured !== null) return { url: pathToFileURL(join(configured.bundle, `${name}.js`)), execArgv: [] }
  return { url: bundledEntry(`${name}.js`, import.meta.url, `The worker script ${name}`), execArgv: [] }
}

/**
 * Runs one job in a new worker thread of the named entry, which answers with serveJob(): progress goes to
 * `job.progress`, cancel (job.signal) reaches the worker both as a message and as a shared flag its progress
 * reports check, and the worker's result or error becomes this promise's.
 */
export interface WorkerBounds {
  resourceLimits?: ResourceLimits
  /**
   * The time bound: when the worker reports no progress for this long, it is stopped (terminated, however
   * busy its synchronous code is) and the job fails with `stalled()`'s error.
   */
  stallMs?: number
  stalled?: () => Error
  /**
   * After a cancel, how long the worker may take to stop by itself (it checks the flag at each progress
   * report) before it is terminated: a parse stuck inside a library call still stops.
   */
  cancelGraceMs?: number
}

export function runInWorker<R>(
  name: WorkerName,
  input: unknown,
  job: JobControl,
  options: WorkerBounds = {},
): Promise<R> {
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4))
  const { url, execArgv } = workerScript(name)
  const workerData: WorkerStart = { jobId: job.jobId, input, cancelFlag }
  const worker = new Worker(url, {
    workerData,
    execArgv,
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  })
  let outcome: { ok: true; result: R } | { ok: false; error: Error } | null = null
  /** Ends the thread now, whatever it is doing; the job ends with `error`. */
  const stop = (error: Error): void => {
    outcome ??= { ok: false, error }
    void worker.terminate()
  }
  let stallTimer: NodeJS.Timeout | null = null
  const watch = (): void => {
    if (options.stallMs === undefined) return
    if (stallTimer) clearTimeout(stallTimer)
    const stallMs = options.stallMs
    stallTimer = setTimeout(
      () =>
        stop(
          options.stalled?.() ??
            new LukkhaError('internal', `The ${name} thread made no progress for ${stallMs} ms.`),
        ),
      stallMs,
    )
  }
  watch()
  const cancel = (): void => {
    Atomics.store(cancelFlag, 0, 1)
    worker.postMessage({ type: 'cancel' } satisfies ToWorker)
    if (options.cancelGraceMs !== undefined) {
      setTimeout(
        () => stop(new LukkhaError('cancelled', 'The job was cancelled.')),
        options.cancelGraceMs,
      ).unref()
    }
  }
  if (job.signal.aborted) cancel()
  else job.signal.addEventListener('abort', cancel, { once: true })
  // Settles when the thread has exited, so a job has ended only once its thread let go of the database.
  return new Promise<R>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') {
        watch()
        job.progress(message.update)
      } else if (message.type === 'done') outcome = { ok: true, result: message.result as R }
      else outcome = { ok: false, error: fromApiError(message.error) }
    })
    worker.on('error', (error: Error) => (outcome ??= { ok: false, error }))
    worker.on('exit', (code) => {
      if (stallTimer) clearTimeout(stallTimer)
      job.signal.removeEventListener('abort', cancel)
      if (outcome === null) {
        reject(new LukkhaError('internal', `The ${name} thread stopped unexpectedly (exit code ${code}).`))
      } else if (outcome.ok) resolve(outcome.result)
      else reject(outcome.error)
    })
  })
}
