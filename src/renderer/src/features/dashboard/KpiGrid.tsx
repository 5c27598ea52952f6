import { SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DashboardKpis } from '../../../../shared/api/dashboard'
import { useFormat } from '../../format/useFormat'
import { KpiCard, KpiCardOutline } from './KpiCard'

export function KpiGrid({ dashboard: d }: { dashboard: DashboardKpis }): React.JSX.Element {
  const { t } = useTranslation('dashboard')
  const fmt = useFormat()
  const comparison =
    d.revenueLastMonthToDateSatang > 0
      ? t('kpi.vsLastMonth', {
          change: fmt.change(d.revenueThisMonthSatang / d.revenueLastMonthToDateSatang - 1),
        })
      : t('kpi.noComparison')
  return (
    <SimpleGrid cols={4} spacing="lg">
      <KpiCard
        testId="kpi-customers"
        label={t('kpi.customers')}
        value={fmt.number(d.customers)}
        hints={[t('kpi.customersHint')]}
      />
      <KpiCard
        testId="kpi-active"
        label={t('kpi.active')}
        value={fmt.number(d.activeCustomers90d)}
        hints={
          d.customers > 0
            ? [t('kpi.activeHint', { share: fmt.percent(d.activeCustomers90d / d.customers) })]
            : []
        }
      />
      <KpiCard
        testId="kpi-new"
        label={t('kpi.new')}
        value={fmt.number(d.newCustomersThisMonth)}
        hints={[t('kpi.newHint', { month: fmt.monthLong(d.asOf.slice(0, 7)) })]}
      />
      <KpiCard
        testId="kpi-revenue"
        label={t('kpi.revenue')}
        value={fmt.baht(d.revenueThisMonthSatang, true)}
        hints={[comparison, t('kpi.lastMonthTotal', { amount: fmt.baht(d.revenueLastMonthSatang, true) })]}
      />
    </SimpleGrid>
  )
}

/** The four cards while the figures are asked: their labels, in the grid the figures will fill. */
export function KpiGridOutline(): React.JSX.Element {
  const { t } = useTranslation('dashboard')
  return (
    <SimpleGrid cols={4} spacing="lg">
      <KpiCardOutline label={t('kpi.customers')} />
      <KpiCardOutline label={t('kpi.active')} />
      <KpiCardOutline label={t('kpi.new')} />
      <KpiCardOutline label={t('kpi.revenue')} />
    </SimpleGrid>
  )
}
