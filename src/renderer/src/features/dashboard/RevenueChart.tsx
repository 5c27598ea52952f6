import { Box, Card, Skeleton, Title } from '@mantine/core'
import type { ChartData, ChartOptions } from 'chart.js'
import { useMemo } from 'react'
import { Bar } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useChartFonts } from '../../charts/setup'
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
  const fontsReady = useChartFonts()
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
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            // the axis label is two lines (month, year); the tooltip names the month in full
            title: (items) => {
              const month = months[items[0]?.dataIndex ?? -1]?.month
              return month ? fmt.monthLong(month) : ''
            },
            label: (item) => fmt.baht(Math.round((item.parsed.y ?? 0) * 100)),
          },
        },
      },
      scales: {
        x: { ticks: { maxRotation: 0, autoSkip: false } },
        y: { beginAtZero: true, ticks: { callback: (value) => fmt.bahtCompact(Number(value) * 100) } },
      },
    }),
    [fmt, months],
  )
  const last = months.at(-1)
  return (
    <Card withBorder padding="lg" h="100%">
      <Title order={4} mb="md">
        {t('chart.title')}
      </Title>
      <Box h={HEIGHT} data-testid="revenue-chart">
        {query.isError ? (
          <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        ) : fontsReady && query.data ? (
          <Bar
            data={data}
            options={options}
            role="img"
            aria-label={t('chart.aria', { month: last ? fmt.monthLong(last.month) : '' })}
          />
        ) : (
          <Skeleton h={HEIGHT} />
        )}
      </Box>
    </Card>
  )
}
