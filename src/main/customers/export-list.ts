import type { Kysely } from 'kysely'
import type { CustomerFilter } from '../../shared/api/customers'
import type { Database } from '../db/schema'
import { selectCustomers } from './list'
import { writeTableFile, type Cell } from './table-file'

// The filtered customer list as a file. A marketing export keeps only customers whose latest marketing
// consent is a yes (PDPA): the filter is applied in SQL, not left to the caller.

const HEADERS = [
  'code',
  'name',
  'phone',
  'email',
  'line_id',
  'segment',
  'value_tier',
  'spend_baht',
  'visits',
  'last_purchase',
  'acquisition_source',
  'tags',
  'marketing_consent',
]

export async function exportCustomers(
  db: Kysely<Database>,
  filter: CustomerFilter,
  format: 'csv' | 'xlsx',
  options: { marketing?: boolean; today: string },
): Promise<{ fileName: string; bytes: Buffer; rows: number }> {
  const rows = await selectCustomers(db, { ...filter, marketing: options.marketing ?? false })
  const cells: Cell[][] = rows.map((r) => [
    r.code,
    r.name,
    r.phone,
    r.email,
    r.lineId,
    r.segment,
    r.valueTier,
    r.spendSatang / 100,
    r.visits,
    r.lastPurchase?.slice(0, 10) ?? null,
    r.acquisitionSource,
    r.tags.join('; '),
    r.marketingConsent ? 'yes' : 'no',
  ])
  const bytes = await writeTableFile(
    format,
    HEADERS.map((header) => ({ header })),
    cells,
  )
  const kind = options.marketing ? 'marketing' : 'customers'
  return { fileName: `lukkha-${kind}-${options.today}.${format}`, bytes, rows: rows.length }
}
