import type { ChartData } from 'chart.js'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { BarChartCard } from '../../components/BarChartCard'
import { barChartOptions } from '../../components/barChartOptions'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFormat } from '../../format/useFormat'
import { useMonthlyRevenue } from './queries'

const HEIGHT = 300

const NO_MONTHS: { month: string; netSatang: number; receipts: number }[] = []

/** The monthly revenue card: loads on its own query (a placeholder until then). */
export function RevenueChart({ asOf }: { asOf: string | null }): React.JSX.Element {
  const { t } = useTranslation('dashboard')
  const query = useMonthlyRevenue(asOf)
  const months = query.data?.months ?? NO_MONTHS
  const fmt = useFormat()
  const data = useMemo<ChartData<'bar'>>(
    () => ({
      labels: months.map((m) => fmt.monthAxis(m.month)),
      datasets: [
        {
          label: t('chart.dataset'),
          data: months.map((m) => m.netSatang / 100),
          backgroundColor: '#12b886',
          borderRadius: 4,
        },
      ],
    }),
    [months, fmt, t],
  )
  const options = useMemo(
    () =>
      barChartOptions({
        // the axis label is two lines (month, year); the tooltip names the month in full
        title: (index) => {
          const month = months[index]?.month
          return month ? fmt.monthLong(month) : ''
        },
        label: (value) => fmt.baht(Math.round(value * 100)),
        tick: (value) => fmt.bahtCompact(value * 100),
        autoSkip: false,
      }),
    [fmt, months],
  )
  const last = months.at(-1)
  return (
    <BarChartCard
      title={t('chart.title')}
      height={HEIGHT}
      testId="revenue-chart"
      ariaLabel={t('chart.aria', { month: last ? fmt.monthLong(last.month) : '' })}
      data={data}
      options={options}
      fill
      loading={!query.data}
      error={
        query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : undefined
      }
    />
  )
}
