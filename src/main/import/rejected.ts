import { closeSync, openSync, writeSync } from 'node:fs'
import type { RowIssue } from './types'

// The rows an import rejected, as CSV: the file's own columns, so the user can fix them in Excel and import
// them again with the same layout, plus a last column saying what was wrong.

export const REJECTED_REASON_COLUMN = 'lukkha_error'

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value.startsWith(' ') || value.endsWith(' ')
    ? `"${value.replace(/"/g, '""')}"`
    : value
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`
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
      this.fd = openSync(this.path, 'w')
      this.buffer = `\uFEFF${csvLine([...this.header, REJECTED_REASON_COLUMN])}` // BOM: Excel then reads UTF-8
    }
    const padded = this.header.map((_, i) => cells[i] ?? '')
    const why = issues.map((i) => `row ${i.row}, ${i.column}: ${i.message}`).join('; ')
    this.buffer += csvLine([...padded, why])
    this.count++
    if (this.buffer.length > 1 << 16) this.flush()
  }

  private flush(): void {
    if (this.fd !== null && this.buffer) writeSync(this.fd, this.buffer)
    this.buffer = ''
  }

  /** Closes the file; returns its path, or null when no row was rejected. */
  close(): string | null {
    if (this.fd === null) return null
    this.flush()
    closeSync(this.fd)
    this.fd = null
    return this.path
  }
}
