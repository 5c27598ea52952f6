import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import type {
  ResponseInput,
  SurveyImportResult,
  SurveyMapping,
  SurveyTemplate,
} from '../../shared/api/surveys'
import { LukkhaError } from '../errors'
import { writeTransaction } from '../db/write-transaction'
import type { Database } from '../db/schema'
import { parseDateTime } from '../import/normalize/dates'
import { normalizePhone } from '../import/normalize/contacts'
import {
  checkedScan,
  detectDelimiter,
  readHead,
  readTable,
  readTextSample,
  sniffFormat,
} from '../import/read'
import { contentHash, sourceKeys } from './identity'
import { parseLevel } from './levels'
import { insertResponse } from './responses'
import { currentSurvey } from './templates'

type Db = Kysely<Database>

// Survey answers from a CSV/XLSX file (a Google Forms export, a LINE form, a paper form keyed into a sheet)
// through a column mapping. Like the sales import: the file is read with the same readers, every bad row is
// reported with its file, row and column, and the file is stored whole or not at all.

export interface SurveyImportInput {
  path: string
  fileName?: string
  mapping: SurveyMapping
}

/** The steps of an import, as its job reports them ('survey-import.phase.<step>'). */
export type SurveyImportStep = 'reading' | 'checking' | 'writing'

export interface SurveyImportControl {
  signal?: AbortSignal
  progress?: (step: SurveyImportStep, done: number, total: number | null) => void
}

const cancelled = (file: string) =>
  new LukkhaError('cancelled', `The import of ${file} was cancelled; nothing was stored.`)

type Issue = SurveyImportResult['errors'][number]

const MAX_LISTED = 200

interface Lookups {
  customerByPhone: Map<string, number>
  customerByCode: Map<string, number>
  receiptByNumber: Map<string, { id: number; customerId: number | null }>
  storeByName: Map<string, number>
}

async function lookups(
  db: Db,
  rows: string[][],
  index: Record<string, number | undefined>,
): Promise<Lookups> {
  const values = (i: number | undefined) =>
    i === undefined ? [] : [...new Set(rows.map((r) => (r[i] ?? '').trim()).filter(Boolean))]
  const phones = values(index.phone).flatMap((p) => normalizePhone(p) ?? [])
  const codes = values(index.customerCode)
  const numbers = values(index.receiptNumber)
  const out: Lookups = {
    customerByPhone: new Map(),
    customerByCode: new Map(),
    receiptByNumber: new Map(),
    storeByName: new Map(),
  }
  for (let i = 0; i < phones.length; i += 500) {
    const chunk = phones.slice(i, i + 500)
    for (const c of await db
      .selectFrom('customers')
      .select(['id', 'phone'])
      .where('phone', 'in', chunk)
      .execute())
      if (c.phone && !out.customerByPhone.has(c.phone)) out.customerByPhone.set(c.phone, c.id)
    for (const a of await db
      .selectFrom('customer_aliases')
      .select(['customer_id', 'value'])
      .where('kind', '=', 'phone')
      .where('value', 'in', chunk)
      .execute())
      if (!out.customerByPhone.has(a.value)) out.customerByPhone.set(a.value, a.customer_id)
  }
  for (let i = 0; i < codes.length; i += 500)
    for (const c of await db
      .selectFrom('customers')
      .select(['id', 'code'])
      .where('code', 'in', codes.slice(i, i + 500))
      .execute())
      if (c.code) out.customerByCode.set(c.code, c.id)
  for (let i = 0; i < numbers.length; i += 500)
    for (const r of await db
      .selectFrom('receipts')
      .select(['id', 'receipt_number', 'customer_id'])
      .where('receipt_number', 'in', numbers.slice(i, i + 500))
      .where('kind', '=', 'sale')
      .execute())
      out.receiptByNumber.set(r.receipt_number, { id: r.id, customerId: r.customer_id })
  for (const s of await db.selectFrom('stores').select(['id', 'name']).execute())
    out.storeByName.set(s.name.trim(), s.id)
  return out
}

/** Column index of every mapped field; a mapped column missing from the header is an error for the whole file. */
function resolveColumns(header: string[], mapping: SurveyMapping, survey: SurveyTemplate, file: string) {
  const find = (column: string | undefined, field: string): number | undefined => {
    if (column === undefined || column === '') return undefined
    const i = header.findIndex((h) => h.trim() === column.trim())
    if (i < 0) {
      throw new LukkhaError(
        'bad_input',
        `${file}: the mapping puts ${field} in the column "${column}", which the file does not have.`,
        {
          file,
          row: 0,
          column,
        },
      )
    }
    return i
  }
  const fields = {
    respondedAt: find(mapping.respondedAt, 'the date'),
    phone: find(mapping.phone, 'the phone'),
    customerCode: find(mapping.customerCode, 'the customer code'),
    receiptNumber: find(mapping.receiptNumber, 'the receipt number'),
    store: find(mapping.store, 'the store'),
    staff: find(mapping.staff, 'the staff'),
    overall: find(mapping.overall, 'the overall answer'),
    comment: find(mapping.comment, 'the comment'),
  }
  const aspects = Object.entries(mapping.aspects).map(([key, column]) => {
    const aspect = survey.aspects.find((a) => a.key === key)
    if (!aspect) {
      throw new LukkhaError(
        'bad_input',
        `${file}: the mapping names the aspect "${key}", which the survey does not have (it has ${survey.aspects.map((a) => a.key).join(', ')}).`,
      )
    }
    return { aspect, column, index: find(column, `the aspect "${key}"`) }
  })
  if (aspects.length === 0 && fields.overall === undefined) {
    throw new LukkhaError(
      'bad_input',
      `${file}: the mapping names no answer column (an aspect or the overall answer).`,
    )
  }
  return { fields, aspects }
}

export async function importSurveyResponses(
  db: Db,
  input: SurveyImportInput,
  control: SurveyImportControl = {},
): Promise<SurveyImportResult> {
  const file = input.fileName ?? basename(input.path)
  const format = await sniffFormat(input.path)
  const scan = await checkedScan(input.path, format, file)
  const encoding = format === 'csv' ? scan.encoding : undefined
  const delimiter = encoding ? detectDelimiter(await readTextSample(input.path, encoding)) : undefined
  let header: string[] = []
  const rows: string[][] = []
  const rowNumbers: number[] = []
  const errors: Issue[] = []
  let errorCount = 0
  const fail = (issue: Issue) => {
    errorCount++
    if (errors.length < MAX_LISTED) errors.push(issue)
  }
  await readTable(
    input.path,
    format,
    {
      ...(encoding ? { encoding } : {}),
      ...(delimiter ? { delimiter } : {}),
      ...(control.signal ? { signal: control.signal } : {}),
    },
    {
      header: (cells) => (header = cells),
      batch: (b) => {
        rows.push(...b.rows)
        control.progress?.('reading', rows.length, null)
        rowNumbers.push(...b.rowNumbers)
        for (const m of b.malformed)
          fail({ file, row: m.row, column: '', value: '', reason: 'malformed', message: m.message })
      },
    },
  )
  if (control.signal?.aborted) throw cancelled(file)
  control.progress?.('checking', 0, rows.length)
  const survey = await currentSurvey(db)
  const { fields, aspects } = resolveColumns(header, input.mapping, survey, file)
  const found = await lookups(db, rows, fields)
  const order = input.mapping.dateOrder ?? 'dmy'
  const responses: ResponseInput[] = []
  const hashes: string[] = []
  const responseRows: number[] = []
  let customersMatched = 0
  rows.forEach((cells, i) => {
    const row = rowNumbers[i] ?? i + 1
    const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim())
    const bad = (index: number | undefined, reason: Issue['reason'], message: string) =>
      fail({
        file,
        row,
        column: index === undefined ? '' : (header[index] ?? ''),
        value: cell(index),
        reason,
        message,
      })
    const before = errorCount
    const respondedAt = parseDateTime(cell(fields.respondedAt), order)
    if (!respondedAt)
      bad(
        fields.respondedAt,
        cell(fields.respondedAt) ? 'not_a_date' : 'empty_date',
        cell(fields.respondedAt) ? 'not a date' : 'the date is empty',
      )
    let customerId: number | null = null
    const phoneText = cell(fields.phone)
    const phone = phoneText ? normalizePhone(phoneText) : null
    if (phoneText) {
      if (!phone) bad(fields.phone, 'bad_phone', 'not a phone number')
      else customerId = found.customerByPhone.get(phone) ?? null
    }
    const code = cell(fields.customerCode)
    if (code && customerId === null) {
      customerId = found.customerByCode.get(code) ?? null
      if (customerId === null) bad(fields.customerCode, 'unknown_customer', 'no customer has this code')
    }
    let receiptId: number | null = null
    const number = cell(fields.receiptNumber)
    if (number) {
      const receipt = found.receiptByNumber.get(number)
      if (!receipt) bad(fields.receiptNumber, 'unknown_receipt', 'no sale has this receipt number')
      else {
        receiptId = receipt.id
        customerId ??= receipt.customerId
      }
    }
    let storeId: number | null = null
    const store = cell(fields.store)
    if (store) {
      storeId = found.storeByName.get(store) ?? null
      if (storeId === null) bad(fields.store, 'unknown_store', 'no store has this name')
    }
    const overall = parseLevel(cell(fields.overall))
    if (overall === undefined)
      bad(fields.overall, 'bad_level', 'not one of ประทับใจ / พอใจ / ผิดหวัง (or 3 / 2 / 1)')
    const answers: ResponseInput['answers'] = []
    const answered: Record<string, string> = {}
    for (const a of aspects) {
      const level = parseLevel(cell(a.index))
      if (level === undefined) bad(a.index, 'bad_level', 'not one of ประทับใจ / พอใจ / ผิดหวัง (or 3 / 2 / 1)')
      else if (level) {
        answers.push({ aspectId: a.aspect.id, level })
        answered[a.aspect.key] = level
      }
    }
    if (answers.length === 0 && errorCount === before)
      bad(aspects[0]?.index ?? fields.overall, 'no_answer', 'the row answers no aspect')
    if (errorCount > before || !respondedAt) return
    if (customerId !== null) customersMatched++
    hashes.push(
      contentHash({
        respondedAt,
        phone,
        customerCode: code,
        receiptNumber: number,
        store,
        staff: cell(fields.staff),
        overall: overall ?? null,
        comment: cell(fields.comment),
        answers: answered,
      }),
    )
    responseRows.push(row)
    responses.push({
      surveyId: survey.id,
      customerId,
      receiptId,
      storeId,
      staff: cell(fields.staff) || null,
      respondedAt,
      channel: 'imported',
      overall: overall ?? null,
      comment: cell(fields.comment),
      answers,
    })
  })
  const result = { fileName: file, rowsRead: rows.length, errors, errorCount, customersMatched }
  if (errorCount > 0)
    return {
      status: 'rejected',
      responsesAdded: 0,
      followUpsCreated: 0,
      duplicatesSkipped: 0,
      duplicateRows: [],
      ...result,
    }
  const keys = sourceKeys(hashes)
  let followUpsCreated = 0
  let responsesAdded = 0
  const duplicateRows: number[] = []
  await writeTransaction(db, async (trx) => {
    // rows imported before (this file again, or an earlier export of the same form) are skipped
    const known = await existingKeys(trx, keys)
    for (const [i, response] of responses.entries()) {
      if (control.signal?.aborted) throw cancelled(file)
      const key = keys[i] ?? null
      if (key !== null && known.has(key)) {
        duplicateRows.push(responseRows[i] ?? i + 1)
        continue
      }
      const { followUpTaskId } = await insertResponse(trx, survey, response, key)
      responsesAdded++
      if (followUpTaskId !== null) followUpsCreated++
      if (i % 100 === 0) control.progress?.('writing', i, responses.length)
    }
  })
  control.progress?.('writing', responses.length, responses.length)
  return {
    status: 'done',
    responsesAdded,
    followUpsCreated,
    duplicatesSkipped: duplicateRows.length,
    duplicateRows: duplicateRows.slice(0, MAX_LISTED),
    ...result,
  }
}

/** Which of these source keys are stored already. */
async function existingKeys(trx: Db, keys: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>()
  for (let i = 0; i < keys.length; i += 500) {
    const found = await trx
      .selectFrom('survey_responses')
      .select('source_key')
      .where('source_key', 'in', keys.slice(i, i + 500))
      .execute()
    for (const r of found) if (r.source_key !== null) known.add(r.source_key)
  }
  return known
}

/** The header and first rows of a file, for the column mapping. */
export async function previewSurveyFile(
  path: string,
  fileName = basename(path),
): Promise<{ header: string[]; rows: string[][] }> {
  const format = await sniffFormat(path)
  const scan = await checkedScan(path, format, fileName)
  const encoding = format === 'csv' ? scan.encoding : undefined
  const delimiter = encoding ? detectDelimiter(await readTextSample(path, encoding)) : undefined
  const { header, rows } = await readHead(path, format, {
    limit: 5,
    ...(encoding ? { encoding } : {}),
    ...(delimiter ? { delimiter } : {}),
  })
  return { header, rows }
}
