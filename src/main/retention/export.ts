import type { Kysely } from 'kysely'
import type { ExportedFile } from '../../shared/api/export'
import type { ExportRetentionListInput, RetentionCustomer, RetentionList } from '../../shared/api/retention'
import type { Database } from '../db/schema'
import { exportTable, type TableColumn } from '../export'
import { buildList } from './lists'

// A retention or growth list as CSV or XLSX through the shared safe table writer: every row, in the page's
// order, with the contacts first. Header labels come from the renderer in the user's language.

type Column = TableColumn<RetentionCustomer>

const contactColumns: Column[] = [
  { id: 'code', header: 'Code', value: (c) => c.code, width: 12 },
  { id: 'name', header: 'Name', value: (c) => c.name, width: 28 },
  { id: 'phone', header: 'Phone', value: (c) => c.phone, width: 16 },
  { id: 'line', header: 'LINE', value: (c) => c.lineId, width: 16 },
  { id: 'email', header: 'E-mail', value: (c) => c.email, width: 26 },
]

const col = {
  firstPurchase: {
    id: 'first_purchase',
    header: 'First purchase',
    kind: 'date',
    value: (c) => c.firstPurchase,
  },
  lastPurchase: { id: 'last_purchase', header: 'Last purchase', kind: 'date', value: (c) => c.lastPurchase },
  daysSince: {
    id: 'days_since_last',
    header: 'Days since last purchase',
    kind: 'integer',
    value: (c) => c.daysSinceLast,
  },
  purchaseDays: { id: 'purchase_days', header: 'Visits', kind: 'integer', value: (c) => c.purchaseDays },
  net: { id: 'net_spend', header: 'Net spend (baht)', kind: 'money', value: (c) => c.netSatang },
} satisfies Record<string, Column>

function listColumns(list: RetentionList, reason: (r: string) => string): Column[] {
  switch (list) {
    case 'at_risk':
      return [
        {
          id: 'value_at_stake',
          header: 'Value at stake per year (baht)',
          kind: 'money',
          value: (c) => c.valueAtStakeSatang,
        },
        col.net,
        col.lastPurchase,
        col.daysSince,
        col.purchaseDays,
        { id: 'usual_gap', header: 'Usual gap (days)', kind: 'decimal', value: (c) => c.usualGapDays },
        { id: 'churn_risk', header: 'Churn score', kind: 'percent', value: (c) => c.churnRisk },
        { id: 'reasons', header: 'Why', value: (c) => c.reasons.map(reason).join(', ') },
      ]
    case 'win_back':
      return [col.net, col.lastPurchase, col.daysSince, col.purchaseDays]
    case 'not_returned':
      return [col.firstPurchase, col.daysSince, col.net]
    case 'birthdays':
      return [
        { id: 'birthday', header: 'Birthday', kind: 'date', value: (c) => c.birthday },
        { id: 'turning_age', header: 'Turns', kind: 'integer', value: (c) => c.turningAge },
        col.lastPurchase,
        col.net,
      ]
    case 'referrers':
      return [
        { id: 'referred_count', header: 'Referred', kind: 'integer', value: (c) => c.referredCount },
        {
          id: 'referred_buyers',
          header: 'Referred who bought',
          kind: 'integer',
          value: (c) => c.referredBuyers,
        },
        {
          id: 'referred_net',
          header: 'Revenue from referred (baht)',
          kind: 'money',
          value: (c) => c.referredNetSatang,
        },
      ]
    case 'referred':
      return [
        { id: 'referrer', header: 'Referred by', value: (c) => c.referrerName },
        col.firstPurchase,
        col.lastPurchase,
        col.net,
      ]
  }
}

export async function exportRetentionList(
  db: Kysely<Database>,
  input: ExportRetentionListInput,
  today: string,
): Promise<ExportedFile> {
  const built = await buildList(db, input.list, input.asOf, today)
  const labels: Record<string, string | undefined> = input.reasonLabels ?? {}
  const columns = [...contactColumns, ...listColumns(input.list, (r) => labels[r] ?? r)]
  return exportTable(columns, built.rows, input, `${input.list.replace('_', '-')}-${built.asOf}`)
}
