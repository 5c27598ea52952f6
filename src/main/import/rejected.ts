import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { neutralizeCell } from '../export'
import type { RowIssue } from './types'

// The rows an import rejected, as CSV: the file's own columns, so the user can fix them in Excel and import
// them again with the same layout, plus a last column saying what was wrong. Every cell goes through the
// shared writer's neutralizeCell (src/main/export): a rejected "=HYPERLINK(...)" must not run in Excel. The
// file is written under a temporary name and renamed when complete, so a full disk leaves no partial file.

export const REJECTED_REASON_COLUMN = 'lukkha_error'

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value.startsWith(' ') || value.endsWith(' ')
    ? `"${value.replace(/"/g, '""')}"`
    : value
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`
}

/** A CSV line for a spreadsheet: every cell neutralised against formula injection, then quoted as needed. */
export function safeCsvLine(cells: readonly string[]): string {
  return `${cells.map((c) => csvField(neutralizeCell(c))).join(',')}\r\n`
}

/** The temporary name a file is written under until it is complete. */
export function partialPath(path: string): string {
  return `${path}.partial`
}

export class RejectedRowsFile {
  private fd: number | null = null
  private buffer = ''
  count = 0

  constructor(
    private readonly path: string,
    private readonly header: string[],
  ) {}

  add(cells: string[], issues: RowIssue[]): void {
    if (this.fd === null) {
      this.fd = openSync(partialPath(this.path), 'w', 0o600)
      this.buffer = `\uFEFF${safeCsvLine([...this.header, REJECTED_REASON_COLUMN])}` // BOM: Excel then reads UTF-8
    }
    const padded = this.header.map((_, i) => cells[i] ?? '')
    const why = issues.map((i) => `row ${i.row}, ${i.column}: ${i.message}`).join('; ')
    this.buffer += safeCsvLine([...padded, why])
    this.count++
    if (this.buffer.length > 1 << 16) this.flush()
  }

  private flush(): void {
    if (this.fd !== null && this.buffer) writeSync(this.fd, this.buffer)
    this.buffer = ''
  }

  /** Closes the file and gives it its name; returns its path, or null when no row was rejected. */
  close(): string | null {
    if (this.fd === null) return null
    try {
      this.flush()
    } catch (error) {
      this.discard()
      throw error
    }
    closeSync(this.fd)
    this.fd = null
    renameSync(partialPath(this.path), this.path)
    return this.path
  }

  /** Removes an unfinished file (the import failed). */
  discard(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
    rmSync(partialPath(this.path), { force: true })
  }
}
