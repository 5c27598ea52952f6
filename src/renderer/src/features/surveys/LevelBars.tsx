import { Box, Card, Skeleton, Title } from '@mantine/core'
import type { ChartData, ChartOptions } from 'chart.js'
import { useMemo } from 'react'
import { Bar } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import type { AspectResult } from '../../../../shared/api/surveys'
import { satisfactionLevels } from '../../../../shared/api/surveys'
import { useChartFonts } from '../../charts/setup'
import { useFormat } from '../../format/useFormat'
import { aspectLabel, LEVEL_COLOURS } from './labels'

/** Stacked horizontal bars: the share of each level per aspect, in the survey's order. */
export function LevelBars({ aspects }: { aspects: AspectResult[] }): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
  const fontsReady = useChartFonts()
  const data = useMemo<ChartData<'bar'>>(
    () => ({
      labels: aspects.map((a) => aspectLabel(a, fmt.language)),
      datasets: [...satisfactionLevels].reverse().map((level) => ({
        label: t(`level.${level}`),
        data: aspects.map((a) => a.shares[level] * 100),
        backgroundColor: LEVEL_COLOURS[level],
      })),
    }),
    [aspects, fmt, t],
  )
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${fmt.percent((item.parsed.x ?? 0) / 100)}`,
          },
        },
      },
      scales: {
        x: { stacked: true, max: 100, ticks: { callback: (v) => fmt.percent(Number(v) / 100) } },
        y: { stacked: true },
      },
    }),
    [fmt],
  )
  const height = 60 + aspects.length * 36
  return (
    <Card withBorder padding="lg">
      <Title order={4} mb="md">
        {t('chart.title')}
      </Title>
      <Box h={height} data-testid="surveys-level-bars">
        {fontsReady ? (
          <Bar data={data} options={options} role="img" aria-label={t('chart.aria')} />
        ) : (
          <Skeleton h={height} />
        )}
      </Box>
    </Card>
  )
}
