import type { Sqlite } from '../db'
import { preferWorkers } from '../jobs/workers'
import { planImport, type FilePlan } from './plan'
import { previewInWorker, type PreviewOffMain } from './preview-thread'
import { sniffFormat } from './read'
import { CustomerRowReader } from './customer-rows'
import { ReceiptCheck } from './receipt-check'
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
  const receipts = sales ? ReceiptCheck.forMapping(mapping) : null
  return plan.sampleRows.slice(0, PREVIEW_ROWS).map((cells, i) => {
    const row = plan.sampleRowNumbers[i] ?? i + 1
    const m = sales ? sales.read(cells, row) : customers ? customers.read(cells, row) : null
    const base = { row, sale: null, customer: null, ignored: false, errors: [], warnings: [] }
    if (m === null) return base
    if (m.ok === 'ignored') return { ...base, ignored: true }
    if (!m.ok) return { ...base, errors: m.errors, warnings: m.warnings ?? [] }
    if (!sales) return { ...base, customer: m.value as CustomerRow, warnings: m.warnings ?? [] }
    const sale = m.value as SaleRow
    const conflict = receipts?.check(sale) ?? null // (as the import checks it, beside the writer)
    return { ...base, sale, warnings: conflict ? [...(m.warnings ?? []), conflict] : (m.warnings ?? []) }
  })
}

/**
 * The preview of an uploaded file. A workbook (XLSX) is checked and read in a worker thread under the
 * parser's memory cap, a time bound and a cancel (preview-thread.ts), whenever `offMain` says where the
 * database is and worker threads are in use (the app, the harness): a zip bomb, a bit-flipped or a huge
 * workbook cannot stall or swell the main process. A CSV is read here (a bounded sample of a text stream).
 */
export async function previewFile(
  sqlite: Sqlite,
  path: string,
  options: ImportOptions,
  offMain?: PreviewOffMain,
): Promise<PreviewData> {
  if (offMain && offMain.dbFile !== ':memory:' && preferWorkers() && (await sniffFormat(path)) === 'xlsx') {
    return previewInWorker(path, options, offMain)
  }
  return previewHere(sqlite, path, options)
}

/** The preview in this thread: plan the file, map its first rows, find earlier imports of the same file. */
export async function previewHere(
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
