import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Connection } from '../db'
import type { BasketParams, BasketRules } from '../../shared/api/products'
import type { JobControl, JobKind } from '../jobs/registry'
import { runInWorker } from '../jobs/workers'
import { basketRules } from './rules-page'

// The basket analysis as a job of the one registry: in the baskets-worker thread (worker.ts) on its own
// connection to the same database file, or here for an in-memory database (which no other thread can open).
// Progress: 'reading' while the baskets load, then 'mining' with done/total as the top-level items are mined;
// cancel through the job's signal (the miner checks it between items, the worker at every progress report).

/** What the worker thread gets (structured-cloneable). */
export interface BasketWorkerInput {
  file: string
  params: BasketParams
}

export interface BasketJobInput {
  connection: Connection
  params: BasketParams
}

/** Reads the baskets and mines them in the thread that calls it (the worker, or this one in memory). */
export function mineHere(db: Kysely<Database>, params: BasketParams, job: JobControl): Promise<BasketRules> {
  job.progress({ phase: 'baskets.phase.reading' })
  job.signal.throwIfAborted()
  return basketRules(db, params, {
    signal: job.signal,
    progress: (done, total) => job.progress({ phase: 'baskets.phase.mining', done, total }),
  })
}

export const basketsJob: JobKind<BasketJobInput, BasketRules> = {
  kind: 'baskets',
  firstPhase: 'baskets.phase.reading',
  async run({ connection, params }, job) {
    if (connection.file === ':memory:' || connection.file === '') {
      await new Promise((done) => setImmediate(done))
      return mineHere(connection.db, params, job)
    }
    const input: BasketWorkerInput = { file: connection.file, params }
    return runInWorker<BasketRules>('baskets-worker', input, job)
  },
}
