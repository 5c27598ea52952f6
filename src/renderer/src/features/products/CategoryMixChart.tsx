import type { ChartData } from 'chart.js'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProductsOverview } from '../../../../shared/api/products'
import { BarChartCard } from '../../components/BarChartCard'
import { barChartOptions } from '../../components/barChartOptions'
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
  const options = useMemo(
    () =>
      barChartOptions({
        stacked: true,
        label: (value, series) => `${series}: ${fmt.baht(Math.round(value * 100))}`,
        tick: (value) => fmt.bahtCompact(value * 100),
      }),
    [fmt],
  )
  const last = mix.months.at(-1)
  return (
    <BarChartCard
      title={t('mix.title')}
      height={HEIGHT}
      testId="category-mix-chart"
      ariaLabel={t('mix.aria', { month: last ? fmt.monthLong(last) : '' })}
      data={data}
      options={options}
    />
  )
}
