/** @jsxRuntime automatic */
import type { CustomerScore } from '../../shared/api/analysis'
import type { ContactRow } from './contacts'
import type { ReportEnv } from './env'
import { Table, type Column } from './parts'

export interface ListedCustomer {
  score: CustomerScore
  contact: ContactRow | undefined
}

/** A customer list a shop owner can act on: who, how to reach them, and what they are worth. */
export function CustomerListTable(props: {
  env: ReportEnv
  rows: ListedCustomer[]
  segmentName: (id: string) => string
  showSegment?: boolean
}): React.JSX.Element {
  const { t, money, date, number } = props.env
  const columns: Column<ListedCustomer>[] = [
    { label: t('common.name'), cell: (r) => r.score.name, nowrap: true },
    { label: t('common.phone'), cell: (r) => r.contact?.phone ?? '', nowrap: true },
    { label: t('common.line'), cell: (r) => r.contact?.lineId ?? '' },
    { label: t('common.email'), cell: (r) => r.contact?.email ?? '' },
    { label: t('common.lastPurchase'), cell: (r) => date(r.score.lastPurchase), nowrap: true },
    { label: t('common.visits'), cell: (r) => number(r.score.frequency), numeric: true },
    { label: t('common.spend'), cell: (r) => money(r.score.monetarySatang), numeric: true },
    {
      label: t('common.churn'),
      cell: (r) => t(`churnLevel.${r.score.churnLevel}`),
      nowrap: true,
    },
  ]
  if (props.showSegment) {
    columns.splice(4, 0, { label: t('common.segment'), cell: (r) => props.segmentName(r.score.segment) })
  }
  return <Table columns={columns} rows={props.rows} rowKey={(r) => r.score.customerId} />
}
