import { readFileSync } from 'node:fs'
import { CustomerDaysBuilder, modelInput, type ModelInput } from './model-input'
import { dayNumber } from './dates'

// Reader for the CDNOW research datasets (shared/datasets): the reference data on which the BG/NBD and
// Gamma-Gamma implementations must reproduce the published results. Used by the tests and the benchmark.

export interface CdnowTransaction {
  customer: string
  day: number
  value: number
}

/**
 * Reads CDNOW_master.txt (header; customer_id date cds value) or CDNOW_sample.txt (no header; master_id
 * sample_id date cds value; customers are keyed by the sample id, as in the published summary file).
 */
export function readCdnow(file: string): CdnowTransaction[] {
  const out: CdnowTransaction[] = []
  const lines = readFileSync(file, 'utf8').split('\n')
  lines.forEach((line, i) => {
    const fields = line.trim().split(/\s+/)
    if (fields.length < 4 || fields[0] === 'customer_id') return
    const [customer, dateField, value] =
      fields.length >= 5 ? [fields[1], fields[2], fields[4]] : [fields[0], fields[1], fields[3]]
    const date = `${dateField?.slice(0, 4)}-${dateField?.slice(4, 6)}-${dateField?.slice(6, 8)}`
    const amount = Number(value)
    if (!customer || !Number.isFinite(amount))
      throw new Error(`${file} line ${i + 1}: cannot read ${JSON.stringify(line)}`)
    out.push({ customer, day: dayNumber(date), value: amount })
  })
  return out
}

/** Per-customer model figures for a calibration period ending on calibrationEnd (inclusive). */
export function summarizeCdnow(
  transactions: CdnowTransaction[],
  calibrationEnd: string,
  unitDays: number,
): Map<string, ModelInput> {
  const endDay = dayNumber(calibrationEnd)
  const sorted = [...transactions].sort((p, q) =>
    p.customer === q.customer ? p.day - q.day : p.customer < q.customer ? -1 : 1,
  )
  const builder = new CustomerDaysBuilder<string>(endDay)
  for (const t of sorted) builder.add(t.customer, t.day, t.value)
  const out = new Map<string, ModelInput>()
  for (const [customer, days] of builder.finish()) out.set(customer, modelInput(days, endDay, unitDays))
  return out
}
