import { Worker } from 'node:worker_threads'
import type { Sqlite } from '../db'
import { preferWorkers, workerScript } from '../jobs/workers'
import { CohortBuilder, cohortStartKey, readWalkIns } from './cohorts'
import { addDays } from './dates'
import { absorbPart, type HistoryPartInput } from './history-parts'
import { foldHistory, readHistory, type History } from './history-pass'
import type { ReadWorkerAnswer } from './read-worker'
import type { RfmWindow } from './rfm'

// The analysis run's read (history-pass.ts) over two threads: this one folds the customers below a middle
// id while the history-read worker (read-worker.ts, its own read-only connection) folds the rest; the
// worker's part is then appended (history-parts.ts), so the rows come out in customer order, identical to
// the one-thread read. Measured at 100k customers: see src/main/analysis/README.md.
//
// One snapshot: the two threads read in two read transactions, so the picture is whole only if nothing was
// committed between them. This thread's transaction starts (and notes SQLite's data_version) before the
// worker is started, and data_version is read again once the worker has answered: the same number means no
// other connection committed since this thread's snapshot, so the worker's (taken in between) is the same;
// total_changes() does the same for this connection's own writes. Otherwise (an import, a merge or an edit
// landed meanwhile) the whole read is done again in one thread. The app's job system runs one analysis at a
// time and imports hold the write lock, so that is rare; it is checked, not assumed.

/** Below this many customer ids a thread's start (~100 ms of CPU here, Node's own ~70) outweighs the gain. */
export const PARALLEL_READ_MIN_CUSTOMERS = 20_000

/** The share of the customers (by id) the worker folds; it starts later than this thread by its start-up. */
const WORKER_SHARE = 0.4

/** How the read went: in one thread, or in two, or in one again because the two could not be used. */
export type ReadPath = 'one thread' | 'two threads' | 'changed meanwhile' | 'worker failed'

export interface RunHistory {
  history: History
  path: ReadPath
  /** The first customer id of the worker's part, when there was one. */
  middle?: number
  /** Why the worker's part was not used ('worker failed'). */
  error?: string
}

export interface ReadOptions {
  /** Below this many customer ids, one thread (default PARALLEL_READ_MIN_CUSTOMERS; tests use small shops). */
  minCustomers?: number
  /** Called once this thread's part is read and its transaction ended, before the worker's part is taken. */
  afterOwnPart?: () => void
}

/**
 * The run's history of the database `file` that `sqlite` is open on, read in two threads where workers are
 * in use (the app, the CLI and the bench; not an in-memory database, not tests run from source unless they
 * configure workers) and the shop has at least PARALLEL_READ_MIN_CUSTOMERS customer ids; in one otherwise.
 */
export async function readRunHistory(
  sqlite: Sqlite,
  file: string,
  window: RfmWindow,
  options: ReadOptions = {},
): Promise<RunHistory> {
  const oneThread = (path: ReadPath, more: Partial<RunHistory> = {}): RunHistory => ({
    history: sqlite.transaction(() => readHistory(sqlite, window))(),
    path,
    ...more,
  })
  const minCustomers = options.minCustomers ?? PARALLEL_READ_MIN_CUSTOMERS
  if (file === ':memory:' || file === '' || sqlite.inTransaction || !preferWorkers()) {
    return oneThread('one thread')
  }
  // data_version sees other connections' commits; total_changes() this connection's own writes
  const changes = sqlite.prepare('select total_changes()').pluck()
  const ownChanges = changes.get()
  const split = readOwnPart(sqlite, file, window, minCustomers)
  if ('history' in split) return { history: split.history, path: 'one thread' }
  const { middle, version, own, cohorts, walkIns } = split
  options.afterOwnPart?.()
  const part = await split.answer
  if (!part.ok) return oneThread('worker failed', { middle, error: part.message })
  // a new read transaction: its data_version moves when another connection committed after our snapshot
  const changed = sqlite.pragma('data_version', { simple: true }) !== version || changes.get() !== ownChanges
  if (changed) return oneThread('changed meanwhile', { middle })
  absorbPart(own, cohorts, part.part, window)
  return {
    history: { rfmRows: own.rfmRows, days: own.days, cohorts: cohorts.finish(walkIns) },
    path: 'two threads',
    middle,
  }
}

interface OwnPart {
  middle: number
  /** data_version in this thread's read transaction. */
  version: unknown
  answer: Promise<ReadWorkerAnswer>
  own: Pick<History, 'rfmRows' | 'days'>
  cohorts: CohortBuilder
  walkIns: [string, string, number][]
}

/**
 * In one read transaction: the split, the worker started on the customers from the middle id, this thread's
 * part folded; or, for a shop below minCustomers ids, the whole history read here.
 */
function readOwnPart(
  sqlite: Sqlite,
  file: string,
  window: RfmWindow,
  minCustomers: number,
): OwnPart | { history: History } {
  let worker: Worker | null = null
  sqlite.exec('begin')
  try {
    const version = sqlite.pragma('data_version', { simple: true }) // the first read: the snapshot
    const [first, last] = sqlite
      .prepare('select min(customer_id), max(customer_id) from receipts')
      .raw()
      .get() as [number | null, number | null]
    if (first === null || last === null || last - first + 1 < Math.max(2, minCustomers)) {
      const history = readHistory(sqlite, window)
      sqlite.exec('commit')
      return { history }
    }
    const middle = Math.ceil(first + (last - first + 1) * (1 - WORKER_SHARE))
    const startKey = cohortStartKey(sqlite, window.asOf)
    const started = startWorker({
      file,
      window: { asOf: window.asOf, windowDays: window.windowDays },
      startKey,
      customers: { from: middle, to: last + 1 },
    })
    worker = started.worker
    const cohorts = new CohortBuilder(window.asOf, startKey)
    const own = foldHistory(sqlite, window, cohorts, { from: first, to: middle })
    const walkIns = readWalkIns(sqlite, addDays(window.asOf, 1))
    sqlite.exec('commit')
    return { middle, version, answer: started.answer, own, cohorts, walkIns }
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('rollback')
    void worker?.terminate()
    throw error
  }
}

/** Starts the history-read worker; its answer, or its failure as an answer (never a rejection). */
function startWorker(input: HistoryPartInput): {
  worker: Worker | null
  answer: Promise<ReadWorkerAnswer>
} {
  let worker: Worker
  try {
    const { url, execArgv } = workerScript('analysis-read-worker')
    worker = new Worker(url, { workerData: input, execArgv })
  } catch (error) {
    return { worker: null, answer: Promise.resolve({ ok: false, message: String(error) }) }
  }
  const answer = new Promise<ReadWorkerAnswer>((resolve) => {
    worker.once('message', (message: ReadWorkerAnswer) => resolve(message))
    worker.once('error', (error: Error) => resolve({ ok: false, message: error.message }))
    worker.once('exit', (code: number) =>
      resolve({
        ok: false,
        message: `The history-read worker stopped without answering (exit code ${code}).`,
      }),
    )
  })
  return { worker, answer }
}
