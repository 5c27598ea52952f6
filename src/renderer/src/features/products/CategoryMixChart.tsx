import { Box, Card, Skeleton, Title } from '@mantine/core'
import type { ChartData, ChartOptions } from 'chart.js'
import { useMemo } from 'react'
import { Bar } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import type { ProductsOverview } from '../../../../shared/api/products'
import { useChartFonts } from '../../charts/setup'
import { useFormat } from '../../format/useFormat'

const HEIGHT = 420
const COLOURS = [
  '#12b886',
  '#228be6',
  '#fab005',
  '#e64980',
  '#7950f2',
  '#fd7e14',
  '#15aabf',
  '#82c91e',
  '#868e96',
]

export function CategoryMixChart({ mix }: { mix: ProductsOverview['categoryMix'] }): React.JSX.Element {
  const { t } = useTranslation('products')
  const fmt = useFormat()
  const fontsReady = useChartFonts()
  const data = useMemo<ChartData<'bar'>>(
    () => ({
      labels: mix.months.map((m) => fmt.monthAxis(m)),
      datasets: mix.series.map((s, i) => ({
        label: s.category,
        data: s.netSatang.map((v) => v / 100),
        backgroundColor: COLOURS[i % COLOURS.length],
      })),
    }),
    [mix, fmt],
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
            label: (item) =>
              `${item.dataset.label ?? ''}: ${fmt.baht(Math.round((item.parsed.y ?? 0) * 100))}`,
          },
        },
      },
      scales: {
        x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { callback: (value) => fmt.bahtCompact(Number(value) * 100) },
        },
      },
    }),
    [fmt],
  )
  const last = mix.months.at(-1)
  return (
    <Card withBorder padding="lg">
      <Title order={4} mb="md">
        {t('mix.title')}
      </Title>
      <Box h={HEIGHT} data-testid="category-mix-chart">
        {fontsReady ? (
          <Bar
            data={data}
            options={options}
            role="img"
            aria-label={t('mix.aria', { month: last ? fmt.monthLong(last) : '' })}
          />
        ) : (
          <Skeleton h={HEIGHT} />
        )}
      </Box>
    </Card>
  )
}
