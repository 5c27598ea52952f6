import { parentPort, workerData } from 'node:worker_threads'
import { toApiError } from '../errors'
import type { JobControl } from './registry'
import type { FromWorker, KeptWorkerData, ToWorker, WorkerStart } from './worker-protocol'

// The worker thread's half of a job (workers.ts starts it): a worker entry is one call,
//   serveJob(async (input: MyInput, job) => { ...; job.progress({ phase, done, total }); return result })
// The function's result (structured-cloneable) or error goes back to the job; `job.signal` aborts on cancel
// (a message for async work; synchronous work sees it at its next job.progress call, which checks the
// shared flag, and then calls job.signal.throwIfAborted() or returns early).
// A thread started for one job (workerData: the job) ends after it; a thread kept between jobs
// (workerData: { kept: true }) serves each job a 'start' message brings, one at a time. Either way the
// function must close what it opened (a database connection) before it returns: the job ends with its answer.
// A kept thread started ahead of need (workers.ts, prestartWorker) first runs the entry's `warmUp`, if it has
// one (work like a job's on data of its own, so V8 has compiled and optimised the job's code before a job
// comes), and answers 'ready'; a job that comes meanwhile starts after it.

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the worker names its input's type
export function serveJob<I>(
  work: (input: I, job: JobControl) => unknown,
  warmUp?: () => Promise<void>,
): void {
  const port = parentPort
  if (!port) throw new Error('serveJob runs in a worker thread')
  const post = (message: FromWorker): void => port.postMessage(message)
  let current: AbortController | null = null
  let ready: Promise<void> = Promise.resolve()

  const serve = async ({ jobId, input, cancelFlag }: WorkerStart): Promise<void> => {
    const controller = new AbortController()
    current = controller
    const checkCancel = (): void => {
      if (Atomics.load(cancelFlag, 0) === 1 && !controller.signal.aborted) controller.abort()
    }
    const job: JobControl = {
      jobId,
      signal: controller.signal,
      progress: (update) => {
        checkCancel()
        post({ type: 'progress', update })
      },
    }
    try {
      checkCancel()
      post({ type: 'done', result: await work(input as I, job) })
    } catch (error) {
      post({ type: 'error', error: toApiError(error) })
    } finally {
      current = null
    }
  }

  port.on('message', (message: ToWorker) => {
    if (message.type === 'start') void ready.then(() => serve(message.start))
    else current?.abort()
  })
  const data = workerData as WorkerStart | KeptWorkerData
  if ('kept' in data) {
    if (data.warmUp === true) {
      ready = (warmUp ?? (() => Promise.resolve()))().then(
        () => post({ type: 'ready' }),
        (error: unknown) => post({ type: 'ready', error: toApiError(error) }),
      )
    }
    return
  }
  void serve(data).finally(() => port.close())
}
