import type { ChartData } from 'chart.js'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AspectResult } from '../../../../shared/api/surveys'
import { satisfactionLevels } from '../../../../shared/api/surveys'
import { BarChartCard } from '../../components/BarChartCard'
import { barChartOptions } from '../../components/barChartOptions'
import { useFormat } from '../../format/useFormat'
import { aspectLabel, LEVEL_COLOURS } from './labels'

/** Stacked horizontal bars: the share of each level per aspect, in the survey's order. */
export function LevelBars({ aspects }: { aspects: AspectResult[] }): React.JSX.Element {
  const { t } = useTranslation('surveys')
  const fmt = useFormat()
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
  const options = useMemo(
    () =>
      barChartOptions({
        horizontal: true,
        stacked: true,
        max: 100,
        label: (value, series) => `${series}: ${fmt.percent(value / 100)}`,
        tick: (value) => fmt.percent(value / 100),
      }),
    [fmt],
  )
  const height = 60 + aspects.length * 36
  return (
    <BarChartCard
      title={t('chart.title')}
      height={height}
      testId="surveys-level-bars"
      ariaLabel={t('chart.aria')}
      data={data}
      options={options}
    />
  )
}
