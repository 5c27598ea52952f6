import { InvalidArgumentError } from 'commander'
import { ISO_DATE, dayNumber } from '../../analysis/dates'

// Argument parsers shared by the analysis commands (rfm, clv, cohorts, analyze, churn).

export function parseDate(value: string): string {
  if (!ISO_DATE.test(value)) throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got "${value}"`)
  try {
    dayNumber(value)
  } catch {
    throw new InvalidArgumentError(`"${value}" is not a calendar date`)
  }
  return value
}

export function parsePositiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number >= 1, got "${value}"`)
  return n
}

export function parseRate(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError(`expected a rate between 0 and 1 (0.1 = 10 %), got "${value}"`)
  }
  return n
}

/** Satang to baht for JSON output (the CLI speaks baht, as the user does). */
export const baht = (satang: number): number => Math.round(satang) / 100

/** Rounds a model figure for printing; JSON keeps 6 significant digits. */
export const sig = (v: number | null): number | null => (v === null ? null : Number(v.toPrecision(6)))
