import { detach } from './detach'
import { columnName, type ResolvedMapping } from './mapping'
import { ReceiptNumbers } from './receipt-numbers'
import type { RowIssue, SaleRow } from './types'

// A receipt number met again on a later row with another day, or another customer, than on its first row is a
// receipt_conflict warning (two receipts sharing a number, or a line that landed on the wrong receipt). Checked
// where the sale lines are taken (the import thread of a big import, beside the writer; the preview's rows),
// not in the parser thread: the parser sets a big import's pace and this check was a seventh of its mapping
// (1M-line file, parser-only runs: map part 3.13 -> 2.65 s without it, median of 4), while the import thread
// waited for the parser (src/main/import/README.md, session 11).

/** Customers' indexes in a receipt key stay below this (a file has far fewer distinct customers). */
const WHO_SPAN = 1 << 24
/** Receipt numbers remembered at most: a bigger file's later receipts are not checked against each other. */
const MAX_RECEIPTS = 2_000_000

/**
 * Receipt number -> the day and customer of its first row, kept as one number (day's index x WHO_SPAN +
 * customer's index into two lists of distinct texts), so a million receipts keep no string of their own but
 * their number. A day's receipts follow each other, and so do walk-ins' (who = '').
 */
export class ReceiptCheck {
  private readonly receiptKeys = new ReceiptNumbers()
  private readonly days = new DistinctTexts()
  private readonly whos = new DistinctTexts()
  /** The last line that passed without a warning: the next line of its receipt passes too. */
  private readonly passed = { receipt: '', day: '', who: '' }
  /** The last occurredAt and its day (a receipt's lines share the same string). */
  private at = ''
  private day = ''

  /** `column`: the file's column of receipt numbers, named in the warnings. */
  constructor(private readonly column: string) {}

  static forMapping(mapping: Pick<ResolvedMapping, 'header' | 'index'>): ReceiptCheck {
    return new ReceiptCheck(columnName(mapping, 'receipt_number'))
  }

  /**
   * A batch's valid sale lines, in row order: `warnings` (the batch's other warnings, in row order) with each
   * receipt_conflict warning after its row's others, as if the parser had found it.
   */
  checkBatch(lines: readonly SaleRow[], warnings: RowIssue[]): RowIssue[] {
    let merged: RowIssue[] | null = null
    let at = 0
    for (const line of lines) {
      const conflict = this.check(line)
      if (conflict === null) continue
      merged ??= []
      while (at < warnings.length && (warnings[at] as RowIssue).row <= conflict.row)
        merged.push(warnings[at++] as RowIssue)
      merged.push(conflict)
    }
    if (merged === null) return warnings
    while (at < warnings.length) merged.push(warnings[at++] as RowIssue)
    return merged
  }

  /** A valid sale line, in the file's row order: its receipt_conflict warning, or null. */
  check(line: SaleRow): RowIssue | null {
    const receiptNumber = line.receiptNumber
    if (receiptNumber === '') return null
    if (line.occurredAt !== this.at) {
      this.at = line.occurredAt
      this.day = line.occurredAt.slice(0, 10)
    }
    const day = this.day
    const identity = line.identity
    const who = identity ? (identity.code ?? identity.phone ?? identity.email ?? identity.name) : ''
    const passed = this.passed
    // a receipt's lines follow each other with the same day and customer: no key to build or look up
    if (receiptNumber === passed.receipt && day === passed.day && who === passed.who) return null
    const key = this.days.idOf(day) * WHO_SPAN + this.whos.idOf(who)
    const seen = this.receiptKeys.get(receiptNumber)
    if (seen === undefined || seen === key) {
      if (seen === undefined && this.receiptKeys.size < MAX_RECEIPTS) this.receiptKeys.set(receiptNumber, key)
      passed.receipt = receiptNumber
      passed.day = day
      passed.who = who
      return null
    }
    const seenDay = this.days.text(Math.floor(seen / WHO_SPAN))
    const seenWho = this.whos.text(seen % WHO_SPAN)
    if (seenDay === day && (seenWho === '' || who === '')) return null // a customer named on one line only
    return {
      row: line.row,
      column: this.column,
      value: receiptNumber,
      reason: 'receipt_conflict',
      message:
        seenDay !== day
          ? `receipt ${receiptNumber} was dated ${seenDay} on an earlier row and ${day} here`
          : `receipt ${receiptNumber} belongs to another customer on an earlier row`,
    }
  }
}

/** Distinct texts numbered in order of first use (at most WHO_SPAN), remembering the last one looked up. */
class DistinctTexts {
  private readonly ids = new Map<string, number>()
  private readonly list: string[] = []
  private last = ''
  private lastId = -1

  /** The text's index, added when new. */
  idOf(text: string): number {
    if (text === this.last && this.lastId >= 0) return this.lastId
    let id = this.ids.get(text)
    if (id === undefined) {
      id = this.list.length < WHO_SPAN ? this.list.length : WHO_SPAN - 1
      if (id === this.list.length) {
        this.list.push(detach(text))
        this.ids.set(this.list[id] as string, id)
      }
    }
    this.last = this.list[id] as string
    this.lastId = id
    return id
  }

  text(id: number): string {
    return this.list[id] ?? ''
  }
}
