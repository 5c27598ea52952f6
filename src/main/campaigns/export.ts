import { sql, type Kysely } from 'kysely'
import type { CampaignChannel } from '../../shared/api/campaigns'
import type { ExportedFile, TableExportOptions } from '../../shared/api/export'
import { marketingConsentFilter } from '../customers/consent'
import type { Database } from '../db/schema'
import { LukkhaError } from '../errors'
import { exportFileName, exportTable, type TableColumn } from '../export'

// The campaign's contact list for its channel: the contacted members (never the hold-out) whose latest
// marketing consent is a yes, as CSV/XLSX through the shared safe writer; or, for LINE Official Account, an
// audience file of LINE user ids, one per line (LINE takes ids, not phone numbers, for marketing).

export interface ContactRow {
  customerId: number
  code: string | null
  name: string
  phone: string | null
  email: string | null
  lineId: string | null
  address: string | null
}

/** Contacted members who may be contacted for marketing, by name. */
export async function reachableMembers(db: Kysely<Database>, id: number): Promise<ContactRow[]> {
  const { rows } = await sql<{
    id: number
    code: string | null
    name: string
    phone: string | null
    email: string | null
    line_id: string | null
    address: string | null
  }>`select c.id, c.code, c.name, c.phone, c.email, c.line_id, c.address
    from campaign_members m join customers c on c.id = m.customer_id
    where m.campaign_id = ${id} and m.holdout = 0 and c.erased_at is null and ${marketingConsentFilter()}
    order by c.name, c.id`.execute(db)
  return rows.map((r) => ({
    customerId: r.id,
    code: r.code,
    name: r.name,
    phone: r.phone,
    email: r.email,
    lineId: r.line_id,
    address: r.address,
  }))
}

const base: TableColumn<ContactRow>[] = [
  { id: 'code', header: 'Code', value: (r) => r.code },
  { id: 'name', header: 'Name', value: (r) => r.name, width: 28 },
]
const phone: TableColumn<ContactRow> = { id: 'phone', header: 'Phone', value: (r) => r.phone, width: 16 }
const line: TableColumn<ContactRow> = { id: 'line_id', header: 'LINE', value: (r) => r.lineId, width: 20 }
const email: TableColumn<ContactRow> = { id: 'email', header: 'E-mail', value: (r) => r.email, width: 26 }
const address: TableColumn<ContactRow> = {
  id: 'address',
  header: 'Address',
  value: (r) => r.address,
  width: 40,
}

/** The channel's own contact first, then the others (a phone call may fall back to LINE, and so on). */
export function channelColumns(channel: CampaignChannel): TableColumn<ContactRow>[] {
  switch (channel) {
    case 'line':
      return [...base, line, phone, email]
    case 'sms':
    case 'phone':
      return [...base, phone, line, email]
    case 'email':
      return [...base, email, phone, line]
    case 'letter':
      return [...base, address, phone, line, email]
  }
}

export async function exportCampaignList(
  db: Kysely<Database>,
  input: { id: number; format: 'csv' | 'xlsx' | 'line' } & Omit<TableExportOptions, 'format'>,
): Promise<ExportedFile> {
  const campaign = await db
    .selectFrom('campaigns')
    .select(['name', 'channel'])
    .where('id', '=', input.id)
    .executeTakeFirst()
  if (!campaign) throw new LukkhaError('not_found', `There is no campaign ${input.id}.`)
  const rows = await reachableMembers(db, input.id)
  const title = input.title?.trim() || campaign.name
  if (input.format === 'line') {
    // one id per line, nothing else: what LINE Official Account Manager's "upload user IDs" takes
    const ids = [...new Set(rows.map((r) => r.lineId?.trim() ?? '').filter((v) => /^[\w.@-]+$/.test(v)))]
    return {
      fileName: exportFileName(`${title}-line`, 'csv').replace(/\.csv$/, '.txt'),
      mimeType: 'text/plain',
      base64: Buffer.from(ids.map((v) => `${v}\n`).join(''), 'utf8').toString('base64'),
      rows: ids.length,
    }
  }
  return exportTable(channelColumns(campaign.channel), rows, { ...input, format: input.format }, title)
}
