import { Box, Card, Group, SegmentedControl, Skeleton, Title } from '@mantine/core'
import type { ChartData, ChartOptions } from 'chart.js'
import { useMemo, useState } from 'react'
import { Bar } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import type { Cohorts } from '../../../../shared/api/analysis'
import { useChartFonts } from '../../charts/setup'
import { useFormat } from '../../format/useFormat'

const HEIGHT = 300
const COLOURS = { new: '#12b886', returning: '#1c7ed6', walkIn: '#adb5bd' } as const
type Measure = 'revenue' | 'customers'

/** Each month's customers, or revenue, split into new and returning (and walk-in sales without a customer). */
export function NewVsReturningChart(props: { months: Cohorts['newVsReturning'] }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const fontsReady = useChartFonts()
  const [measure, setMeasure] = useState<Measure>('revenue')
  const { months } = props
  const data = useMemo<ChartData<'bar'>>(() => {
    const bar = (label: string, values: number[], colour: string) => ({
      label,
      data: values,
      backgroundColor: colour,
      borderRadius: 2,
    })
    const datasets =
      measure === 'revenue'
        ? [
            bar(
              t('cohorts.chart.new'),
              months.map((m) => m.newRevenueSatang / 100),
              COLOURS.new,
            ),
            bar(
              t('cohorts.chart.returning'),
              months.map((m) => m.returningRevenueSatang / 100),
              COLOURS.returning,
            ),
            bar(
              t('cohorts.chart.walkIn'),
              months.map((m) => m.anonymousRevenueSatang / 100),
              COLOURS.walkIn,
            ),
          ]
        : [
            bar(
              t('cohorts.chart.new'),
              months.map((m) => m.newCustomers),
              COLOURS.new,
            ),
            bar(
              t('cohorts.chart.returning'),
              months.map((m) => m.returningCustomers),
              COLOURS.returning,
            ),
          ]
    return { labels: months.map((m) => fmt.monthAxis(m.month)), datasets }
  }, [months, measure, fmt, t])
  const options = useMemo<ChartOptions<'bar'>>(() => {
    const show = (value: number): string =>
      measure === 'revenue' ? fmt.baht(Math.round(value * 100), true) : fmt.number(value)
    return {
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
            label: (item) => `${item.dataset.label ?? ''}: ${show(item.parsed.y ?? 0)}`,
          },
        },
      },
      scales: {
        x: { stacked: true, ticks: { maxRotation: 0, autoSkip: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: {
            callback: (value) =>
              measure === 'revenue' ? fmt.bahtCompact(Number(value) * 100) : fmt.number(Number(value)),
          },
        },
      },
    }
  }, [measure, fmt, months])
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={4}>{t('cohorts.chart.title')}</Title>
        <SegmentedControl
          size="xs"
          value={measure}
          onChange={(next) => setMeasure(next === 'customers' ? 'customers' : 'revenue')}
          data={[
            { value: 'revenue', label: t('cohorts.chart.revenue') },
            { value: 'customers', label: t('cohorts.chart.customers') },
          ]}
        />
      </Group>
      <Box h={HEIGHT} data-testid="new-returning-chart">
        {fontsReady ? (
          <Bar
            data={data}
            options={options}
            role="img"
            aria-label={t(
              measure === 'revenue' ? 'cohorts.chart.ariaRevenue' : 'cohorts.chart.ariaCustomers',
            )}
          />
        ) : (
          <Skeleton h={HEIGHT} />
        )}
      </Box>
    </Card>
  )
}
