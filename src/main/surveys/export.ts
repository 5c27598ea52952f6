import type { Kysely } from 'kysely'
import type { ExportedFile, TableExportOptions } from '../../shared/api/export'
import type { Database } from '../db/schema'
import { exportTable, type TableColumn } from '../export'
import { loadResponses, type LoadedResponse, type Period } from './load'
import { findCurrentSurvey } from './templates'

type Db = Kysely<Database>

// The responses as a spreadsheet, through the shared safe table writer (src/main/export: formula cells
// neutralised, CSV with BOM, XLSX). One row per response, one column per aspect (id 'aspect:<key>'). The
// headers (options.headers, by column id) and the words for levels and channels (valueLabels) come from the
// renderer in the user's language; without them the English defaults and the keys are written.

interface Row extends LoadedResponse {
  channel: string | null
  name: string | null
  phone: string | null
  lineId: string | null
  email: string | null
  receiptNumber: string | null
}

export async function exportResponses(
  db: Db,
  options: TableExportOptions,
  period: Period,
  valueLabels: Readonly<Record<string, string>> = {},
): Promise<ExportedFile> {
  const word = (key: string | null | undefined): string => (key ? (valueLabels[key] ?? key) : '')
  const survey = await findCurrentSurvey(db)
  const responses = survey ? await loadResponses(db, survey.id, period) : []
  const details = new Map(
    survey
      ? (
          await db
            .selectFrom('survey_responses as r')
            .leftJoin('customers as c', 'c.id', 'r.customer_id')
            .leftJoin('receipts as p', 'p.id', 'r.receipt_id')
            .select(['r.id', 'r.channel', 'c.name', 'c.phone', 'c.line_id', 'c.email', 'p.receipt_number'])
            .where('r.survey_id', '=', survey.id)
            .execute()
        ).map((d) => [d.id, d])
      : [],
  )
  const rows: Row[] = responses.map((r) => {
    const d = details.get(r.id)
    return {
      ...r,
      channel: d?.channel ?? null,
      name: d?.name ?? null,
      phone: d?.phone ?? null,
      lineId: d?.line_id ?? null,
      email: d?.email ?? null,
      receiptNumber: d?.receipt_number ?? null,
    }
  })
  const columns: TableColumn<Row>[] = [
    { id: 'response_id', header: 'Response', kind: 'integer', value: (r) => r.id },
    { id: 'responded_at', header: 'Answered at', value: (r) => r.respondedAt },
    { id: 'channel', header: 'Channel', value: (r) => word(r.channel) },
    { id: 'customer', header: 'Customer', value: (r) => r.name ?? '' },
    { id: 'phone', header: 'Phone', value: (r) => r.phone ?? '' },
    { id: 'line_id', header: 'LINE', value: (r) => r.lineId ?? '' },
    { id: 'email', header: 'E-mail', value: (r) => r.email ?? '' },
    { id: 'receipt_number', header: 'Receipt', value: (r) => r.receiptNumber ?? '' },
    { id: 'store', header: 'Store', value: (r) => r.store ?? '' },
    { id: 'staff', header: 'Staff', value: (r) => r.staff ?? '' },
    { id: 'overall', header: 'Overall', value: (r) => word(r.overall) },
    ...(survey?.aspects ?? []).map((a): TableColumn<Row> => ({
      id: `aspect:${a.key}`,
      header: a.labelEn,
      value: (r) => word(r.answers.get(a.id)),
    })),
    { id: 'comment', header: 'Comment', value: (r) => r.comment },
  ]
  return exportTable(columns, rows, options, 'survey-responses')
}
