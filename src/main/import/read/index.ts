import type { ImportFormat } from '../../../shared/api/import'
import { open } from 'node:fs/promises'
import { scanFile, type FileScan } from '../encoding'
import { readCsv } from './csv'
import { assertTextFile } from './sniff'
import type { PartClock } from '../parts'
import type { ReadOptions, ReadResult, TableHandler } from './types'
import { readXlsx } from './xlsx'
import { checkWorkbookZip } from './zip-check'

export { detectDelimiter, readTextSample } from './csv'
export type { ReadOptions, ReadResult, RowBatch, TableHandler } from './types'

/** An XLSX file is a zip archive: it starts with 'PK\x03\x04' whatever its name says. */
export async function sniffFormat(path: string): Promise<ImportFormat> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(4)
    await handle.read(head, 0, 4, 0)
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv'
  } finally {
    await handle.close()
  }
}

export function readTable(
  path: string,
  format: ImportFormat,
  options: ReadOptions,
  handler: TableHandler,
  /** Splits the CSV reader's time into read and parse (parts.ts); a workbook's is all parse. */
  clock?: PartClock,
): Promise<ReadResult> {
  if (format === 'csv') return readCsv(path, options, handler, clock)
  if (!clock) return readXlsx(path, options, handler)
  // exceljs reads, inflates and parses in one: its time (less the handler's) counts as parse
  const started = performance.now()
  let handlerMs = 0
  const timed: TableHandler = {
    header: (cells, info) => handler.header(cells, info),
    batch: (batch) => {
      const handed = performance.now()
      handler.batch(batch)
      handlerMs += performance.now() - handed
    },
  }
  return readXlsx(path, options, timed).finally(() =>
    clock.add('parse', Math.max(0, performance.now() - started - handlerMs)),
  )
}

/** The header and the first rows of a file, for the preview and for detecting presets and date orders. */
export async function readHead(
  path: string,
  format: ImportFormat,
  options: ReadOptions,
): Promise<{ header: string[]; rows: string[][]; rowNumbers: number[]; result: ReadResult }> {
  let header: string[] = []
  const rows: string[][] = []
  const rowNumbers: number[] = []
  const result = await readTable(path, format, options, {
    header: (cells) => (header = cells),
    batch: (b) => {
      rows.push(...b.rows)
      rowNumbers.push(...b.rowNumbers)
    },
  })
  return { header, rows, rowNumbers, result }
}

/**
 * The checks before a parser sees a file, for every import (sales and surveys): a workbook's zip must be whole
 * and not a bomb (zip-check.ts), a would-be CSV must be text (sniff.ts). `file` is the name the user chose,
 * for the errors. Returns the file's scan (size, SHA-256, a CSV's encoding).
 */
export async function checkedScan(path: string, format: ImportFormat, file: string): Promise<FileScan> {
  const scan = await scanFile(path)
  if (format === 'xlsx') await checkWorkbookZip(path, scan.size, file)
  else await assertTextFile(path, file)
  return scan
}
