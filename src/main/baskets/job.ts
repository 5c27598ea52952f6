import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { BasketParams, BasketRules } from '../../shared/api/products'
import type { JobKind } from '../jobs/registry'
import { basketRules } from './rules-page'

// The basket analysis as a job of the one registry: progress as the top-level items are mined, cancel
// through the job's signal (the miner checks it between items). It runs in this thread: the mining of a
// 500,000-line shop takes well under a second; reading its baskets is async database work.

export interface BasketJobInput {
  db: Kysely<Database>
  params: BasketParams
}

export const basketsJob: JobKind<BasketJobInput, BasketRules> = {
  kind: 'baskets',
  firstPhase: 'baskets.phase.reading',
  run: ({ db, params }, job) => {
    job.progress({ phase: 'baskets.phase.reading' })
    return basketRules(db, params, {
      signal: job.signal,
      progress: (done, total) => job.progress({ phase: 'baskets.phase.mining', done, total }),
    })
  },
}
