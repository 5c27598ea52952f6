import type { Sqlite } from '../db'
import { cohortsSchema, type Cohorts } from '../../shared/api/analysis'
import { computeCohorts, lastMonths, type CohortOptions } from './cohorts'

// Cohorts stored with the analysis snapshot. A run builds the cohorts as of its date in the same pass that
// reads RFM and the model inputs (history-pass.ts) and stores them with its scores (run.ts), so the cohorts
// page reads one row instead of walking every receipt (measured: bench/README.md). What the page shows is
// the snapshot's, as of the snapshot's date, like the segments and value pages; a chosen date (the CLI's
// --as-of, the API's asOf) is computed live from the receipts.

/** Stores a run's cohorts; call inside the run's save transaction. */
export function saveCohorts(sqlite: Sqlite, runId: number, cohorts: Cohorts): void {
  sqlite
    .prepare('insert into analysis_cohorts (run_id, cohorts) values (?, ?)')
    .run(runId, JSON.stringify(cohorts))
}

/** The newest run's stored cohorts with its id, or null when there is no run or it stored none. */
export function latestStoredCohorts(sqlite: Sqlite): { runId: number; cohorts: Cohorts } | null {
  const row = sqlite
    .prepare(
      `select c.run_id, c.cohorts
         from analysis_runs r join analysis_cohorts c on c.run_id = r.id
        where r.id = (select max(id) from analysis_runs)`,
    )
    .raw()
    .get() as [number, string] | undefined
  if (!row) return null
  return { runId: row[0], cohorts: cohortsSchema.parse(JSON.parse(row[1])) }
}

/**
 * The cohorts for the API, the cohorts page and the retention report: the latest snapshot's when no date is
 * chosen (computed live when there is no snapshot yet, or it predates stored cohorts), live for a chosen
 * date. `runId` says which: the run's id, or null when computed live.
 */
export function snapshotCohorts(
  sqlite: Sqlite,
  options: CohortOptions = {},
): Cohorts & { runId: number | null } {
  if (options.asOf === undefined) {
    const stored = latestStoredCohorts(sqlite)
    if (stored) return { ...lastMonths(stored.cohorts, options.months), runId: stored.runId }
  }
  return { ...computeCohorts(sqlite, options), runId: null }
}
