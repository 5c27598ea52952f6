import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { csvLine } from '../import/rejected'
import { loadResponses, type Period } from './load'
import { findCurrentSurvey } from './templates'

type Db = Kysely<Database>

// The responses as a table for a spreadsheet. The truth-ui branch builds the shared safe table writer
// (src/main/export/); until it lands, this writes CSV with the import's csvLine and XLSX with exceljs, and
// defuses cells a spreadsheet would run as a formula.

/** A cell starting with = + - @ (or a tab/CR) is a formula to Excel; a leading apostrophe keeps it text. */
export const safeCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

export async function responseTable(db: Db, period: Period): Promise<{ header: string[]; rows: string[][] }> {
  const survey = await findCurrentSurvey(db)
  if (!survey) return { header: [], rows: [] }
  const responses = await loadResponses(db, survey.id, period)
  const details = new Map(
    (
      await db
        .selectFrom('survey_responses as r')
        .leftJoin('customers as c', 'c.id', 'r.customer_id')
        .leftJoin('receipts as p', 'p.id', 'r.receipt_id')
        .select(['r.id', 'r.channel', 'c.name', 'c.phone', 'c.line_id', 'c.email', 'p.receipt_number'])
        .where('r.survey_id', '=', survey.id)
        .execute()
    ).map((d) => [d.id, d]),
  )
  const header = [
    'response_id',
    'responded_at',
    'channel',
    'customer',
    'phone',
    'line_id',
    'email',
    'receipt_number',
    'store',
    'staff',
    'overall',
    ...survey.aspects.map((a) => a.key),
    'comment',
  ]
  const rows = responses.map((r) => {
    const d = details.get(r.id)
    return [
      String(r.id),
      r.respondedAt,
      d?.channel ?? '',
      d?.name ?? '',
      d?.phone ?? '',
      d?.line_id ?? '',
      d?.email ?? '',
      d?.receipt_number ?? '',
      r.store ?? '',
      r.staff ?? '',
      r.overall ?? '',
      ...survey.aspects.map((a) => r.answers.get(a.id) ?? ''),
      r.comment,
    ].map(safeCell)
  })
  return { header, rows }
}

export async function exportResponses(
  db: Db,
  format: 'csv' | 'xlsx',
  period: Period,
): Promise<{ fileName: string; base64: string }> {
  const { header, rows } = await responseTable(db, period)
  const name = `survey-responses${period.from ? `-${period.from}` : ''}${period.to ? `-${period.to}` : ''}`
  if (format === 'csv') {
    // With a BOM, Excel opens UTF-8 Thai text correctly.
    const text = '\ufeff' + [header, ...rows].map((r) => csvLine(r)).join('')
    return { fileName: `${name}.csv`, base64: Buffer.from(text, 'utf8').toString('base64') }
  }
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('responses')
  sheet.addRow(header)
  for (const r of rows) sheet.addRow(r)
  sheet.getRow(1).font = { bold: true }
  const buffer = await book.xlsx.writeBuffer()
  return { fileName: `${name}.xlsx`, base64: Buffer.from(buffer).toString('base64') }
}
