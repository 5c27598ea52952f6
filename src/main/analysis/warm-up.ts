import { migrateToLatest, openDatabase } from '../db'
import { createDemoShop, DEFAULT_DEMO_SEED } from '../demo'
import { computeAnalysis, pruneRuns, resolveParameters, saveAnalysis } from './run'
import { loadSegmentRules } from './segment-rules'

/**
 * The demo shop's size for the warm-up (~0.8 s of work in the thread at 1,500): every phase's code gets
 * optimised; 5,000 or 15,000 customers made the first real run no faster (src/main/analysis/README.md).
 */
const WARM_UP_CUSTOMERS = 1500

/**
 * Runs one analysis of the demo shop in a database in memory: the code of every phase (the read, the models'
 * fits, the predictions, the save, the prune) is then compiled and optimised in this thread before a shop
 * owner's first run needs it. Touches no file.
 */
export async function warmUpAnalysis(): Promise<void> {
  const connection = openDatabase(':memory:')
  try {
    await migrateToLatest(connection.db)
    await createDemoShop(connection.sqlite, {
      seed: DEFAULT_DEMO_SEED,
      endDate: '2026-06-30', // a fixed day: the warm-up's sales need not be current, only like a shop's
      customers: WARM_UP_CUSTOMERS,
    })
    const parameters = resolveParameters(connection.sqlite, {})
    const { rules } = await loadSegmentRules(connection.db)
    saveAnalysis(connection.sqlite, computeAnalysis(connection.sqlite, parameters, rules))
    pruneRuns(connection.sqlite)
  } finally {
    await connection.close()
  }
}
