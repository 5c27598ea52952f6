import { parentPort, workerData } from 'node:worker_threads'
import { toApiError } from '../errors'
import type { JobControl } from './registry'
import type { FromWorker, ToWorker, WorkerStart } from './worker-protocol'

// The worker thread's half of a job (workers.ts starts it): a worker entry is one call,
//   serveJob(async (input: MyInput, job) => { ...; job.progress({ phase, done, total }); return result })
// The function's result (structured-cloneable) or error goes back to the job; `job.signal` aborts on cancel
// (a message for async work; synchronous work sees it at its next job.progress call, which checks the
// shared flag, and then calls job.signal.throwIfAborted() or returns early).

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the worker names its input's type
export function serveJob<I>(work: (input: I, job: JobControl) => unknown): void {
  const port = parentPort
  if (!port) throw new Error('serveJob runs in a worker thread')
  const { jobId, input, cancelFlag } = workerData as WorkerStart
  const controller = new AbortController()
  const checkCancel = (): void => {
    if (Atomics.load(cancelFlag, 0) === 1 && !controller.signal.aborted) controller.abort()
  }
  // the only message a worker gets (ToWorker): cancel
  port.on('message', (_message: ToWorker) => controller.abort())
  const post = (message: FromWorker): void => port.postMessage(message)
  const job: JobControl = {
    jobId,
    signal: controller.signal,
    progress: (update) => {
      checkCancel()
      post({ type: 'progress', update })
    },
  }
  void (async () => {
    try {
      checkCancel()
      post({ type: 'done', result: await work(input as I, job) })
    } catch (error) {
      post({ type: 'error', error: toApiError(error) })
    } finally {
      port.close()
    }
  })()
}
