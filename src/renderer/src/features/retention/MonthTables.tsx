import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageLoader } from '../../components/PageLoader'
import { useFormat } from '../../format/useFormat'
import { MonthTable } from './MonthTable'
import { useChurnByMonth, useSecondPurchase } from './queries'

const dash = '–'

/** Each month's new customers and how many came back for a second purchase. */
export function SecondPurchaseTable({ asOf }: { asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const query = useSecondPurchase(asOf)
  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  const s = query.data
  const days = fmt.number(s.windowDays)
  return (
    <MonthTable
      testId="second-purchase"
      title={t('second.title')}
      intro={t('second.intro', { days })}
      summary={
        <Text size="sm" fw={500} data-testid="second-overall">
          {t('second.overall', {
            rate: s.rate === null ? dash : fmt.percent(s.rate),
            within: fmt.number(s.returnedWithin),
            eligible: fmt.number(s.eligible),
          })}
        </Text>
      }
      monthLabel={t('second.month')}
      monthName={(month) => fmt.monthLong(month)}
      rows={s.months}
      columns={[
        { label: t('second.newCustomers'), cell: (m) => fmt.number(m.newCustomers) },
        { label: t('second.returned'), cell: (m) => fmt.number(m.returned) },
        { label: t('second.eligible', { days }), cell: (m) => fmt.number(m.eligible) },
        { label: t('second.within', { days }), cell: (m) => fmt.number(m.returnedWithin) },
        {
          label: t('second.rate'),
          strong: true,
          cell: (m) =>
            m.rate === null ? (m.newCustomers > 0 ? t('second.notYet') : dash) : fmt.percent(m.rate),
        },
      ]}
    />
  )
}

/** Churn and retention of the active base, month by month. */
export function ChurnTable({ asOf }: { asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('retention')
  const fmt = useFormat()
  const query = useChurnByMonth(asOf)
  if (query.isPending) return <PageLoader />
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  const c = query.data
  const rate = (r: number | null) => (r === null ? dash : fmt.percent(r))
  return (
    <MonthTable
      testId="churn-by-month"
      title={t('churn.title')}
      intro={t('churn.intro', { days: fmt.number(c.activeDays) })}
      monthLabel={t('churn.month')}
      monthName={(month) => fmt.monthLong(month)}
      rows={c.months}
      columns={[
        { label: t('churn.base'), cell: (m) => fmt.number(m.activeAtStart) },
        { label: t('churn.retained'), cell: (m) => fmt.number(m.retained) },
        { label: t('churn.churned'), cell: (m) => fmt.number(m.churned) },
        { label: t('churn.retentionRate'), strong: true, cell: (m) => rate(m.retentionRate) },
        {
          label: t('churn.churnRate'),
          cell: (m) => rate(m.churnRate),
          colour: (m) => (m.churnRate !== null && m.churnRate > 0.3 ? 'red' : undefined),
        },
        { label: t('churn.newCustomers'), cell: (m) => fmt.number(m.newCustomers) },
        { label: t('churn.activeAtEnd'), cell: (m) => fmt.number(m.activeAtEnd) },
      ]}
    />
  )
}
