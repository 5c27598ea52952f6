import { SegmentedControl } from '@mantine/core'
import type { ChartData } from 'chart.js'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Cohorts } from '../../../../shared/api/analysis'
import { BarChartCard } from '../../components/BarChartCard'
import { barChartOptions } from '../../components/barChartOptions'
import { useFormat } from '../../format/useFormat'

const HEIGHT = 300
const COLOURS = { new: '#12b886', returning: '#1c7ed6', walkIn: '#adb5bd' } as const
type Measure = 'revenue' | 'customers'

/** Each month's customers, or revenue, split into new and returning (and walk-in sales without a customer). */
export function NewVsReturningChart(props: { months: Cohorts['newVsReturning'] }): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
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
  const options = useMemo(
    () =>
      barChartOptions({
        stacked: true,
        // the axis label is two lines (month, year); the tooltip names the month in full
        title: (index) => {
          const month = months[index]?.month
          return month ? fmt.monthLong(month) : ''
        },
        label: (value, series) =>
          `${series}: ${measure === 'revenue' ? fmt.baht(Math.round(value * 100), true) : fmt.number(value)}`,
        tick: (value) => (measure === 'revenue' ? fmt.bahtCompact(value * 100) : fmt.number(value)),
        autoSkip: false,
      }),
    [measure, fmt, months],
  )
  return (
    <BarChartCard
      title={t('cohorts.chart.title')}
      controls={
        <SegmentedControl
          size="xs"
          value={measure}
          onChange={(next) => setMeasure(next === 'customers' ? 'customers' : 'revenue')}
          data={[
            { value: 'revenue', label: t('cohorts.chart.revenue') },
            { value: 'customers', label: t('cohorts.chart.customers') },
          ]}
        />
      }
      height={HEIGHT}
      testId="new-returning-chart"
      ariaLabel={t(measure === 'revenue' ? 'cohorts.chart.ariaRevenue' : 'cohorts.chart.ariaCustomers')}
      data={data}
      options={options}
    />
  )
}
