import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { tableToCsvBytes } from './csv'
import { checkOutputTarget } from './target'
import type { TableColumn, TableFormat } from './table'
import { tableToXlsx, type XlsxOptions } from './xlsx'

/** The table in the chosen format, as the bytes of the file. */
export async function renderTable<Row>(
  format: TableFormat,
  columns: readonly TableColumn<Row>[],
  rows: Iterable<Row>,
  options: XlsxOptions = {},
): Promise<Uint8Array> {
  return format === 'csv' ? tableToCsvBytes(columns, rows) : tableToXlsx(columns, rows, options)
}

/**
 * Writes bytes to `path` so that the file is either the old one or the complete new one: a temporary file in
 * the same folder, then a rename (atomic on one file system). For the CLI and the shell's save dialog only:
 * never with a path the renderer chose.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  checkOutputTarget(path)
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, bytes, { flush: true })
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** `renderTable` then `writeFileAtomic`. */
export async function writeTableFile<Row>(
  path: string,
  format: TableFormat,
  columns: readonly TableColumn<Row>[],
  rows: Iterable<Row>,
  options: XlsxOptions = {},
): Promise<void> {
  await writeFileAtomic(path, await renderTable(format, columns, rows, options))
}
