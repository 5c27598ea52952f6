import { Box, Card, Skeleton, Text, Title } from '@mantine/core'
import { Chart, LogarithmicScale, type ChartData, type ChartOptions } from 'chart.js'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { Bar } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import type { ValueOverview } from '../../../../shared/api/analysis'
import { useChartFonts } from '../../charts/setup'
import { useFormat, type Format } from '../../format/useFormat'

// Customer value is very skewed (most customers are worth little, a few a lot): on a linear axis every bar
// but the first is invisible, so the counts are drawn on a logarithmic axis, which the axis title says.
Chart.register(LogarithmicScale)

const HEIGHT = 280
const isPowerOfTen = (v: number): boolean => v >= 1 && Number.isInteger(Math.log10(v))

type Bin = ValueOverview['clvHistogram'][number]

/** "฿500 – ฿1,000", or "฿9,500 and more" for the open last bin. */
function binRange(bin: Bin, t: TFunction<'analysis'>, fmt: Format): string {
  return bin.toSatang === null
    ? t('value.chart.binOpen', { from: fmt.baht(bin.fromSatang, true) })
    : t('value.chart.bin', { from: fmt.baht(bin.fromSatang, true), to: fmt.baht(bin.toSatang, true) })
}

/** How many customers have which predicted value (CLV) over the horizon, in equal-width bins. */
export function ClvChart(props: {
  bins: ValueOverview['clvHistogram']
  horizonDays: number
}): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const fontsReady = useChartFonts()
  const { bins } = props
  const data = useMemo<ChartData<'bar'>>(
    () => ({
      labels: bins.map((b) =>
        b.toSatang === null
          ? t('value.chart.binOpen', { from: fmt.bahtCompact(b.fromSatang) })
          : fmt.bahtCompact(b.fromSatang),
      ),
      datasets: [
        {
          label: t('value.chart.dataset'),
          data: bins.map((b) => b.customers),
          backgroundColor: '#12b886',
          borderRadius: 3,
          categoryPercentage: 0.9,
          barPercentage: 0.95,
        },
      ],
    }),
    [bins, fmt, t],
  )
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => {
              const bin = bins[items[0]?.dataIndex ?? -1]
              return bin ? binRange(bin, t, fmt) : ''
            },
            label: (item) => t('value.chart.tooltip', { n: fmt.number(item.parsed.y ?? 0) }),
          },
        },
      },
      scales: {
        x: {
          title: { display: true, text: t('value.chart.xAxis') },
          ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 8 },
        },
        y: {
          type: 'logarithmic',
          // Below 1, so a bin of one customer still shows as a bar
          min: 0.5,
          title: { display: true, text: t('value.chart.yAxis') },
          ticks: { callback: (value) => (isPowerOfTen(Number(value)) ? fmt.number(Number(value)) : '') },
        },
      },
    }),
    [bins, fmt, t],
  )
  return (
    <Card withBorder padding="lg" h="100%">
      <Title order={4}>{t('value.chart.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('value.chart.hint', { days: fmt.number(props.horizonDays) })}
      </Text>
      <Box h={HEIGHT} data-testid="clv-chart">
        {fontsReady && bins.length > 0 ? (
          <Bar
            data={data}
            options={options}
            role="img"
            aria-label={t('value.chart.aria', { days: fmt.number(props.horizonDays) })}
          />
        ) : bins.length === 0 ? (
          <Text c="dimmed">{t('value.noModel')}</Text>
        ) : (
          <Skeleton h={HEIGHT} />
        )}
      </Box>
    </Card>
  )
}
