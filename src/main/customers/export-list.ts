import type { Kysely } from 'kysely'
import type { CustomerFilter, CustomerRow } from '../../shared/api/customers'
import type { ExportedFile, TableExportOptions } from '../../shared/api/export'
import type { Database } from '../db/schema'
import { exportTable, type TableColumn } from '../export'
import { selectCustomers } from './list'

// The filtered customer list as a file, through the shared safe table writer (src/main/export: UTF-8 BOM,
// formula-injection safe, money as baht). A marketing export keeps only customers whose latest marketing
// consent is a yes (PDPA): the filter is applied in SQL, not left to the caller. Header labels and the
// words for segments, value tiers and yes/no come from the renderer in the user's language.

export interface CustomerExportWords {
  segments?: Record<string, string>
  valueTiers?: Record<string, string>
  yes?: string
  no?: string
}

export function customerColumns(words: CustomerExportWords = {}): TableColumn<CustomerRow>[] {
  return [
    { id: 'code', header: 'Code', value: (r) => r.code, width: 12 },
    { id: 'name', header: 'Name', value: (r) => r.name, width: 28 },
    { id: 'phone', header: 'Phone', value: (r) => r.phone, width: 16 },
    { id: 'email', header: 'E-mail', value: (r) => r.email, width: 26 },
    { id: 'line', header: 'LINE', value: (r) => r.lineId, width: 16 },
    {
      id: 'segment',
      header: 'Segment',
      value: (r) => (r.segment === null ? null : (words.segments?.[r.segment] ?? r.segment)),
    },
    {
      id: 'value_tier',
      header: 'Value tier',
      value: (r) => (r.valueTier === null ? null : (words.valueTiers?.[r.valueTier] ?? r.valueTier)),
    },
    { id: 'spend', header: 'Spend (baht)', kind: 'money', value: (r) => r.spendSatang },
    { id: 'visits', header: 'Visits', kind: 'integer', value: (r) => r.visits },
    {
      id: 'last_purchase',
      header: 'Last purchase',
      kind: 'date',
      value: (r) => r.lastPurchase?.slice(0, 10),
    },
    { id: 'acquisition_source', header: 'Acquisition source', value: (r) => r.acquisitionSource },
    { id: 'tags', header: 'Tags', value: (r) => r.tags.join('; '), width: 24 },
    {
      id: 'marketing_consent',
      header: 'Marketing consent',
      value: (r) => (r.marketingConsent ? (words.yes ?? 'yes') : (words.no ?? 'no')),
    },
  ]
}

export async function exportCustomers(
  db: Kysely<Database>,
  filter: CustomerFilter,
  options: TableExportOptions & { marketing?: boolean; today: string; words?: CustomerExportWords },
): Promise<ExportedFile> {
  const rows = await selectCustomers(db, { ...filter, marketing: options.marketing ?? false })
  const kind = options.marketing ? 'marketing' : 'customers'
  return exportTable(customerColumns(options.words), rows, options, `lukkha-${kind}-${options.today}`)
}
