/** @jsxRuntime automatic */
import type { Kysely } from 'kysely'
import type { RetentionCustomer, RetentionList } from '../../shared/api/retention'
import type { Database } from '../db/schema'
import { buildList } from '../retention/lists'
import type { BuiltReport, ReportEnv } from './env'
import { Table, type Column } from './parts'

// The retention and growth pages' customer lists on paper: who, how to reach them, what the list is about,
// every row, as of the page's day.

function listColumns(list: RetentionList, env: ReportEnv): Column<RetentionCustomer>[] {
  const { t, money, date, number } = env
  const since: Column<RetentionCustomer> = {
    label: t('retentionList.daysSince'),
    cell: (r) => (r.daysSinceLast === null ? '–' : number(r.daysSinceLast)),
    numeric: true,
  }
  const last: Column<RetentionCustomer> = {
    label: t('common.lastPurchase'),
    cell: (r) => (r.lastPurchase ? date(r.lastPurchase) : '–'),
    nowrap: true,
  }
  const first: Column<RetentionCustomer> = {
    label: t('retentionList.firstPurchase'),
    cell: (r) => (r.firstPurchase ? date(r.firstPurchase) : '–'),
    nowrap: true,
  }
  const spend: Column<RetentionCustomer> = {
    label: t('common.spend'),
    cell: (r) => money(r.netSatang),
    numeric: true,
  }
  switch (list) {
    case 'at_risk':
      return [
        {
          label: t('retentionList.valueAtStake'),
          cell: (r) => money(r.valueAtStakeSatang ?? 0),
          numeric: true,
        },
        last,
        since,
        {
          label: t('retentionList.usualGap'),
          cell: (r) => (r.usualGapDays === null ? '–' : number(r.usualGapDays, 1)),
          numeric: true,
        },
        {
          label: t('retentionList.why'),
          cell: (r) =>
            r.reasons
              .map((x) => t(x === 'churn_high' ? 'retentionList.churnHigh' : 'retentionList.overdue'))
              .join(', '),
        },
      ]
    case 'win_back':
      return [
        spend,
        last,
        since,
        { label: t('common.visits'), cell: (r) => number(r.purchaseDays), numeric: true },
      ]
    case 'not_returned':
      return [first, since, spend]
    case 'birthdays':
      return [
        {
          label: t('retentionList.birthday'),
          cell: (r) => (r.birthday ? date(r.birthday) : ''),
          nowrap: true,
        },
        {
          label: t('retentionList.turns'),
          cell: (r) => (r.turningAge === null ? '–' : number(r.turningAge)),
          numeric: true,
        },
        last,
        spend,
      ]
    case 'referrers':
      return [
        { label: t('retentionList.referred'), cell: (r) => number(r.referredCount ?? 0), numeric: true },
        {
          label: t('retentionList.referredBuyers'),
          cell: (r) => number(r.referredBuyers ?? 0),
          numeric: true,
        },
        {
          label: t('retentionList.referredRevenue'),
          cell: (r) => money(r.referredNetSatang ?? 0),
          numeric: true,
        },
      ]
    case 'referred':
      return [{ label: t('retentionList.referredBy'), cell: (r) => r.referrerName ?? '' }, first, spend]
  }
}

export async function retentionListReport(
  db: Kysely<Database>,
  env: ReportEnv,
  list: RetentionList,
  asOf: string | undefined,
  today: string,
): Promise<BuiltReport> {
  const { t, number } = env
  const built = await buildList(db, list, asOf, today)
  const columns: Column<RetentionCustomer>[] = [
    { label: t('common.name'), cell: (r) => r.name },
    { label: t('common.phone'), cell: (r) => r.phone ?? '', nowrap: true },
    { label: t('common.line'), cell: (r) => r.lineId ?? '' },
    { label: t('common.email'), cell: (r) => r.email ?? '' },
    ...listColumns(list, env),
  ]
  return {
    title: t(`retentionList.title.${list}`),
    asOf: built.asOf,
    orientation: 'landscape',
    fileStem: list.replace('_', '-'),
    body: (
      <>
        <p className="note">
          {t(`retentionList.note.${list}`, { month: env.month(built.asOf.slice(0, 7)) })}{' '}
          {t('common.rows', { count: number(built.rows.length) })}
        </p>
        <Table rowKey={(r) => r.customerId} rows={built.rows} columns={columns} />
      </>
    ),
  }
}
