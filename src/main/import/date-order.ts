import type { DateOrder } from '../../shared/api/import'
import { orderFit } from './normalize/dates'

// Whether '7/8/26' is day/month or month/day is decided by the whole file, never guessed: every date is
// checked against both orders. One order that fits every row wins; when both fit every row the user must
// choose (the API returns a question, the CLI asks for --date-order).

export interface DateOrderEvidence {
  /** Values written with day and month as numbers and the year last (the ones that can be ambiguous). */
  numeric: number
  /** How many of those do not fit day/month, and month/day. */
  dmyMisfits: number
  mdyMisfits: number
  /** Values that read as two different dates (day and month both 12 or less and not equal). */
  twoWay: number
}

export function emptyEvidence(): DateOrderEvidence {
  return { numeric: 0, dmyMisfits: 0, mdyMisfits: 0, twoWay: 0 }
}

const YEAR_LAST = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/

export function addEvidence(e: DateOrderEvidence, value: string): void {
  const m = value === '' ? null : YEAR_LAST.exec(value)
  if (!m) return
  e.numeric++
  const fit = orderFit(value)
  if (fit === 'neither') return // a bad date whatever the order: reported as such
  if (fit === 'mdy') e.dmyMisfits++
  if (fit === 'dmy') e.mdyMisfits++
  if (fit === 'both' && m[1] !== m[2] && Number(m[1]) !== Number(m[2])) e.twoWay++
}

export interface DateOrderDecision {
  order: DateOrder | null
  /** Both orders fit every date: the user must say which. */
  ambiguous: boolean
}

export function decideOrder(e: DateOrderEvidence): DateOrderDecision {
  if (e.numeric === 0) return { order: null, ambiguous: false }
  if (e.dmyMisfits === 0 && e.mdyMisfits === 0) {
    // every date reads the same either way (1/1, 5/5): nothing to ask
    return e.twoWay === 0 ? { order: 'dmy', ambiguous: false } : { order: null, ambiguous: true }
  }
  if (e.dmyMisfits === 0) return { order: 'dmy', ambiguous: false }
  if (e.mdyMisfits === 0) return { order: 'mdy', ambiguous: false }
  // neither fits every row: the better one; the rows it does not fit are reported as bad dates
  return { order: e.dmyMisfits <= e.mdyMisfits ? 'dmy' : 'mdy', ambiguous: false }
}
