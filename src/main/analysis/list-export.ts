import type { Kysely } from 'kysely'
import type { ChurnLevel, CustomerScore } from '../../shared/api/analysis'
import type { ExportCustomerListInput } from '../../shared/api/customer-lists'
import type { ExportedFile } from '../../shared/api/export'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { exportTable, type TableColumn } from '../export'
import { customerList, findRun, runRules, toCustomerScore } from './queries'

// The rows of a customer list as the page shows them (same filter, same order), every row rather than one
// page, written through the shared safe table writer.

/** A customer list as a CSV or XLSX file (bytes), with the header labels and words the caller passes. */
export async function exportCustomerList(
  db: Kysely<Database>,
  input: ExportCustomerListInput,
): Promise<ExportedFile> {
  const run = await findRun(db, input.runId)
  if (!run) throw new LukkhaError('not_found', 'There is no analysis run yet. Run the analysis first.')
  const rows = (await customerList(db, run.id, input).execute()).map(toCustomerScore)
  const language = input.language ?? 'en'
  const segmentNames = new Map(
    runRules(run).segments.map((s) => [s.id, language === 'th' ? s.nameTh : s.nameEn]),
  )
  const churn = (level: ChurnLevel): string => input.churnLabels?.[level] ?? level
  const columns: TableColumn<CustomerScore>[] = [
    { id: 'code', header: 'Code', value: (c) => c.code, width: 12 },
    { id: 'name', header: 'Name', value: (c) => c.name, width: 28 },
    { id: 'phone', header: 'Phone', value: (c) => c.phone, width: 16 },
    { id: 'line', header: 'LINE', value: (c) => c.lineId, width: 16 },
    { id: 'email', header: 'E-mail', value: (c) => c.email, width: 26 },
    { id: 'segment', header: 'Segment', value: (c) => segmentNames.get(c.segment) ?? c.segment },
    { id: 'last_purchase', header: 'Last purchase', kind: 'date', value: (c) => c.lastPurchase },
    { id: 'recency_days', header: 'Days since last purchase', kind: 'integer', value: (c) => c.recencyDays },
    { id: 'receipts', header: 'Receipts', kind: 'integer', value: (c) => c.frequency },
    { id: 'net_spend', header: 'Net spend (baht)', kind: 'money', value: (c) => c.monetarySatang },
    { id: 'predicted_value', header: 'Predicted value (baht)', kind: 'money', value: (c) => c.clvSatang },
    { id: 'churn_level', header: 'Churn risk', value: (c) => churn(c.churnLevel) },
  ]
  const defaultTitle =
    input.list === 'segment' ? (segmentNames.get(input.segment ?? '') ?? 'segment') : input.list
  return exportTable(columns, rows, input, defaultTitle)
}
