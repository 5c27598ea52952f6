import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { projectRoot } from './node'

/** The shared reference datasets (../shared/datasets from the project root); absent in a bare clone. */
export const datasetsDir = resolve(projectRoot, '../shared/datasets')
export const haveDatasets = existsSync(datasetsDir)
export const missingDatasetsMessage = `reference datasets not found at ${datasetsDir}; skipping`

export interface SummaryRow {
  id: string
  x: number
  tx: number
  T: number
  zbar: number
}

/** cdnow_customers_summary_with_transactions.csv: the published per-customer calibration summary. */
export function readPublishedSummary(): SummaryRow[] {
  const text = readFileSync(resolve(datasetsDir, 'cdnow_customers_summary_with_transactions.csv'), 'utf8')
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id = '', x = '', tx = '', T = '', zbar = ''] = line.split(',')
      return { id, x: Number(x), tx: Number(tx), T: Number(T), zbar: Number(zbar) }
    })
}
