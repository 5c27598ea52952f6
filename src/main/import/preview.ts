import type { Sqlite } from '../db'
import { planImport, type FilePlan } from './plan'
import { CustomerRowReader } from './customer-rows'
import { SaleRowReader } from './sale-rows'
import type { CustomerRow, ImportOptions, RowIssue, SaleRow } from './types'

// What the preview shows beyond the plan: the first rows as the import will read them with the current
// mapping (parsed dates and amounts, the customer, the errors), and earlier imports of the same file.

export const PREVIEW_ROWS = 20

export interface SampleRow {
  row: number
  sale: SaleRow | null
  customer: CustomerRow | null
  ignored: boolean
  errors: RowIssue[]
  warnings: RowIssue[]
}

export interface PreviousImport {
  importId: number
  startedAt: string
  status: string
  linesAdded: number
}

export interface PreviewData {
  plan: FilePlan
  sample: SampleRow[]
  previousImports: PreviousImport[]
  ready: boolean
}

export function mapSample(plan: FilePlan, options: ImportOptions): SampleRow[] {
  const mapping = plan.mapping
  if (!mapping) return []
  const context = {
    dateOrder: plan.dateOrder.chosen,
    shopOffsetMinutes: options.shopOffsetMinutes ?? 420,
    checkText: plan.badSequences > 0 || plan.encodingGuessed,
  }
  const sales = mapping.kind === 'sales' ? new SaleRowReader(mapping, context) : null
  const customers = mapping.kind === 'customers' ? new CustomerRowReader(mapping, context) : null
  return plan.sampleRows.slice(0, PREVIEW_ROWS).map((cells, i) => {
    const row = plan.sampleRowNumbers[i] ?? i + 1
    const m = sales ? sales.read(cells, row) : customers ? customers.read(cells, row) : null
    const base = { row, sale: null, customer: null, ignored: false, errors: [], warnings: [] }
    if (m === null) return base
    if (m.ok === 'ignored') return { ...base, ignored: true }
    if (!m.ok) return { ...base, errors: m.errors, warnings: m.warnings ?? [] }
    return sales
      ? { ...base, sale: m.value as SaleRow, warnings: m.warnings ?? [] }
      : { ...base, customer: m.value as CustomerRow, warnings: m.warnings ?? [] }
  })
}

export async function previewFile(
  sqlite: Sqlite,
  path: string,
  options: ImportOptions,
): Promise<PreviewData> {
  const plan = await planImport(sqlite, path, options)
  const previousImports = (
    sqlite
      .prepare('select id, started_at, status, lines_added from imports where file_hash = ? order by id')
      .raw()
      .all(plan.sha256) as [number, string, string, number][]
  ).map(([importId, startedAt, status, linesAdded]) => ({ importId, startedAt, status, linesAdded }))
  const ready =
    plan.mapping !== null &&
    plan.missing.length === 0 &&
    !(plan.dateOrder.ambiguous && plan.dateOrder.chosen === null)
  return { plan, sample: mapSample(plan, options), previousImports, ready }
}
