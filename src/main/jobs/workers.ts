import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { bundledEntry } from '../bundled-entry'
import { fromApiError, LukkhaError } from '../errors'
import { workerEntries, type WorkerName } from './entries'
import type { JobControl } from './registry'
import type { FromWorker, KeptWorkerData, ToWorker, WorkerStart } from './worker-protocol'

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

/** The bounds and options of one job's thread (runInWorker). */
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
  /**
   * Keep the thread for the next job of this entry instead of ending it (resourceLimits unused): its start
   * and the code V8 has optimised are paid once, and an idle kept thread does not keep the process alive. A
   * job then settles with its answer (the entry closes what it opened before answering); a thread stopped
   * (stall, cancel grace) or crashed is not kept.
   */
  keep?: boolean
}

/** Each entry's idle kept thread, by its script (tests switch between the sources and a bundle). */
const kept = new Map<string, Worker>()
/** The kept threads serving a job now, with their script. */
const serving = new Map<Worker, string>()

/** A new thread of this script to keep between jobs. */
function newKeptWorker(url: URL, execArgv: string[], data: KeptWorkerData): Worker {
  const worker = new Worker(url, { workerData: data, execArgv })
  const forget = (): void => {
    if (kept.get(url.href) === worker) kept.delete(url.href)
  }
  worker.on('exit', forget)
  // an error ends the thread (its exit follows): no job is given it from now on; the job or the prestart
  // watching it reports the error, and an idle thread's error is not the process's uncaught exception
  worker.on('error', forget)
  return worker
}

/** An idle kept thread of this script, or a new one to keep. */
function keptWorker(url: URL, execArgv: string[]): Worker {
  const idle = kept.get(url.href)
  if (idle) {
    kept.delete(url.href)
    idle.ref()
    return idle
  }
  return newKeptWorker(url, execArgv, { kept: true })
}

/** Puts a kept thread back after its job: idle, not holding the process open. One idle thread per script. */
function keepIdle(url: URL, worker: Worker): void {
  if (kept.has(url.href)) {
    void worker.terminate()
    return
  }
  worker.unref()
  kept.set(url.href, worker)
}

/**
 * Starts the named entry's kept thread ahead of its first job (the app, once its window has loaded): its
 * start, the load of its modules and its entry's warm-up (serveJob's `warmUp`: the job's code run on data of
 * its own) then happen before anyone waits for them. Resolves true once the warm-up has ended, false when the
 * thread ended first (endKeptWorkers); rejects with the warm-up's error (the thread still serves jobs) or the
 * thread's (its script failed: the thread has ended).
 * Nothing to do (true at once) when this entry has a kept thread already, idle or serving a job.
 */
export function prestartWorker(name: WorkerName): Promise<boolean> {
  const { url, execArgv } = workerScript(name)
  if (kept.has(url.href) || [...serving.values()].includes(url.href)) return Promise.resolve(true)
  const worker = newKeptWorker(url, execArgv, { kept: true, warmUp: true })
  keepIdle(url, worker)
  return new Promise<boolean>((resolve, reject) => {
    const done = (): void => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
    }
    const onMessage = (message: FromWorker): void => {
      if (message.type !== 'ready') return
      done()
      if (message.error) reject(fromApiError(message.error))
      else resolve(true)
    }
    // the script failed to load or threw outside the warm-up
    const onError = (error: Error): void => {
      done()
      reject(error)
    }
    const onExit = (): void => {
      done()
      resolve(false)
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
  })
}

/** The thread ids of the idle kept threads (for tests and diagnostics). */
export function keptThreadIds(): number[] {
  return [...kept.values()].map((w) => w.threadId)
}

/** Ends every idle kept thread (when the app or a test closes). */
export async function endKeptWorkers(): Promise<void> {
  const idle = [...kept.values()]
  kept.clear()
  await Promise.all(idle.map((w) => w.terminate()))
}

/**
 * Runs one job in a new worker thread of the named entry (or in its kept one: `keep`), which answers with
 * serveJob(): progress goes to `job.progress`, cancel (job.signal) reaches the worker both as a message and as
 * a shared flag its progress reports check, and the worker's result or error becomes this promise's.
 */
export function runInWorker<R>(
  name: WorkerName,
  input: unknown,
  job: JobControl,
  options: WorkerBounds = {},
): Promise<R> {
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4))
  const { url, execArgv } = workerScript(name)
  const start: WorkerStart = { jobId: job.jobId, input, cancelFlag }
  const keep = options.keep === true
  const worker = keep
    ? keptWorker(url, execArgv)
    : new Worker(url, {
        workerData: start,
        execArgv,
        ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      })
  if (keep) serving.set(worker, url.href)
  let outcome: { ok: true; result: R } | { ok: false; error: Error } | null = null
  let stopped = false
  let settled = false
  let graceTimer: NodeJS.Timeout | null = null
  /** Ends the thread now, whatever it is doing; the job ends with `error`. */
  const stop = (error: Error): void => {
    if (settled) return // (a kept thread may serve another job by now)
    outcome ??= { ok: false, error }
    stopped = true
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
      graceTimer = setTimeout(
        () => stop(new LukkhaError('cancelled', 'The job was cancelled.')),
        options.cancelGraceMs,
      ).unref()
    }
  }
  if (job.signal.aborted) cancel()
  else job.signal.addEventListener('abort', cancel, { once: true })
  // a kept thread is ready at once: its job starts only now, after a cancel that came first has set the flag
  // (a warm thread could otherwise run a small job to its end before the flag is set)
  if (keep) worker.postMessage({ type: 'start', start } satisfies ToWorker)
  // Settles when the thread has exited, so a job has ended only once its thread let go of the database; a kept
  // thread's job settles with its answer, which its entry gives after closing what it opened.
  return new Promise<R>((resolve, reject) => {
    const settle = (): void => {
      settled = true
      serving.delete(worker)
      if (stallTimer) clearTimeout(stallTimer)
      if (graceTimer) clearTimeout(graceTimer)
      job.signal.removeEventListener('abort', cancel)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (outcome?.ok) resolve(outcome.result)
      else
        reject(outcome?.error ?? new LukkhaError('internal', `The ${name} thread ended without an answer.`))
    }
    const onMessage = (message: FromWorker): void => {
      if (message.type === 'ready') return // the end of a prestarted thread's warm-up (prestartWorker)
      if (message.type === 'progress') {
        watch()
        job.progress(message.update)
        return
      }
      if (message.type === 'done') outcome = { ok: true, result: message.result as R }
      else outcome = { ok: false, error: fromApiError(message.error) }
      if (keep && !stopped) {
        settle()
        keepIdle(url, worker)
      }
    }
    const onError = (error: Error): void => {
      outcome ??= { ok: false, error }
    }
    const onExit = (code: number): void => {
      outcome ??= {
        ok: false,
        error: new LukkhaError('internal', `The ${name} thread stopped unexpectedly (exit code ${code}).`),
      }
      settle()
    }
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
  })
}
