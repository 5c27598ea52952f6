import { createReadStream } from 'node:fs'
import type ExcelJS from 'exceljs'
import type { ReadOptions, ReadResult, RowBatch, TableHandler } from './types'

// Streaming XLSX with exceljs's WorkbookReader: rows arrive one sheet at a time and are turned into cell texts
// at once. Dates (cells with a date format) become 'YYYY-MM-DDTHH:MM:SS' as written in the sheet.

const BATCH_ROWS = 2000

const pad = (n: number): string => String(n).padStart(2, '0')

/** exceljs gives a date cell as the wall-clock time written in the sheet, stored in the Date's UTC fields. */
function dateText(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const h = d.getUTCHours()
  const m = d.getUTCMinutes()
  const s = d.getUTCSeconds() + (d.getUTCMilliseconds() >= 500 ? 1 : 0) // Excel stores times as fractions of days
  if (h === 0 && m === 0 && s === 0) return date
  return `${date}T${pad(h)}:${pad(m)}:${pad(Math.min(s, 59))}`
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result
    return result === undefined || typeof result === 'object' ? dateOrEmpty(result) : String(result)
  }
  if ('hyperlink' in value) return value.text
  return '' // an error value such as #N/A
}

function dateOrEmpty(result: unknown): string {
  return result instanceof Date ? dateText(result) : ''
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelJS.CellValue[] // 1-based and sparse
  const cells: string[] = []
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]))
  return cells
}

/**
 * exceljs's streaming reader parses a worksheet entry at once when the shared strings and the workbook's
 * relations have been read, and otherwise keeps it in a temporary file until the end of the zip. It does
 * not wait for xl/workbook.xml (the sheet names), so a file whose workbook.xml comes after its sheets
 * (zip entries may be in any order; some writers put it last) failed with "Cannot read properties of
 * undefined (reading 'sheets')". This makes its "ready" test wait for the workbook too: until workbook.xml
 * has been read, the relations read as absent, so a sheet that comes earlier is deferred and parsed at the
 * end, with its name. Returns whether workbook.xml has been read.
 */
function deferSheetsUntilWorkbook(reader: object): () => boolean {
  let model: unknown
  let relations: unknown
  Object.defineProperty(reader, 'model', {
    get: () => model,
    set: (value: unknown) => (model = value),
    configurable: true,
  })
  Object.defineProperty(reader, 'workbookRels', {
    get: () => (model === undefined ? undefined : relations),
    set: (value: unknown) => (relations = value),
    configurable: true,
  })
  return () => model !== undefined
}

/**
 * Passes over the zip before giving up on xl/workbook.xml. exceljs's one streaming pass (unzipper + its
 * iterate-stream helper) sometimes ends before the last entries on a busy machine (exceljs#1558, #3064): the
 * sheets then came out as "Sheet1" with no rows. Every workbook has that entry (zip-check.ts refuses one
 * without it before a read), and a sheet only arrives without it once the pass has ended, so that pass is
 * thrown away, before any row is handed on, and the file read again.
 */
const PASSES = 3

class PassWithoutWorkbook extends Error {}

/** Reads the chosen (or first) sheet of an XLSX file: header, then batches of data rows. */
export async function readXlsx(
  path: string,
  options: ReadOptions,
  handler: TableHandler,
): Promise<ReadResult> {
  for (let pass = 1; ; pass++) {
    try {
      return await readPass(path, options, handler)
    } catch (error) {
      if (!(error instanceof PassWithoutWorkbook)) throw error
      if (pass === PASSES) {
        throw new Error(`The workbook's list of sheets (xl/workbook.xml) was not read in ${PASSES} passes.`, {
          cause: error,
        })
      }
    }
  }
}

async function readPass(path: string, options: ReadOptions, handler: TableHandler): Promise<ReadResult> {
  // loaded on first use: a CSV import (and the CLI) does not pay for exceljs. Before the stream opens, so
  // no bytes flow while this waits.
  const { default: excel } = await import('exceljs')
  const progress = { bytes: 0 }
  const input = createReadStream(path, { highWaterMark: 1 << 20 })
  input.on('data', (chunk) => (progress.bytes += chunk.length))
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  })
  const workbookRead = deferSheetsUntilWorkbook(reader)
  const sheets: string[] = []
  let chosen: string | null = null
  let dataRows = 0
  let aborted = false
  let stop = false
  try {
    for await (const sheet of reader) {
      if (!workbookRead()) throw new PassWithoutWorkbook()
      const name = (sheet as unknown as { name: string }).name
      sheets.push(name)
      const wanted = chosen === null && !stop && (options.sheet === undefined || options.sheet === name)
      if (!wanted) {
        for await (const _row of sheet) {
          // drain a sheet the user did not choose
        }
        continue
      }
      chosen = name
      let headerRow: number | null = null
      let batch: RowBatch = { rows: [], rowNumbers: [], malformed: [], bytesRead: 0 }
      for await (const row of sheet) {
        if (stop) continue
        const cells = rowCells(row)
        if (cells.every((c) => c.trim() === '')) continue
        if (headerRow === null) {
          headerRow = row.number
          handler.header(cells, { sheet: name, sheets })
          continue
        }
        batch.rows.push(cells)
        batch.rowNumbers.push(row.number - headerRow)
        dataRows++
        const full = options.limit !== undefined && dataRows >= options.limit
        if (batch.rows.length >= BATCH_ROWS || full) {
          batch.bytesRead = progress.bytes
          handler.batch(batch)
          batch = { rows: [], rowNumbers: [], malformed: [], bytesRead: 0 }
          if (options.signal?.aborted) aborted = stop = true
          if (full) stop = true
        }
      }
      if (batch.rows.length) {
        batch.bytesRead = progress.bytes
        handler.batch(batch)
      }
      if (headerRow === null) handler.header([], { sheet: name, sheets })
    }
  } finally {
    input.destroy()
  }
  return { rows: dataRows, bytes: progress.bytes, sheet: chosen, sheets, aborted }
}
