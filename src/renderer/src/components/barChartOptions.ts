import type { ChartOptions } from 'chart.js'

/** What differs between the app's bar charts; everything else (size, no animation, legend) is the same. */
export interface BarChartSpec {
  /** bars run sideways: the categories on the y axis, the values on the x axis */
  horizontal?: boolean
  /** the series stack on one bar per category */
  stacked?: boolean
  /** the tooltip's line for one bar: its value and its series' name */
  label: (value: number, series: string) => string
  /** the tooltip's title for the category at this index (default: the axis label) */
  title?: (index: number) => string
  /** the value axis' tick text */
  tick: (value: number) => string
  /** the category axis leaves out labels that do not fit (default true) */
  autoSkip?: boolean
  /** the value axis' top */
  max?: number
}

/** Chart.js options for a bar chart of the app, from what differs between them. */
export function barChartOptions(spec: BarChartSpec): ChartOptions<'bar'> {
  const stacked = spec.stacked ?? false
  const category = { stacked, ticks: { maxRotation: 0, autoSkip: spec.autoSkip ?? true } }
  const value = {
    stacked,
    beginAtZero: true,
    max: spec.max,
    ticks: { callback: (v: string | number) => spec.tick(Number(v)) },
  }
  const title = spec.title
  return {
    indexAxis: spec.horizontal ? 'y' : 'x',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          ...(title ? { title: (items) => title(items[0]?.dataIndex ?? -1) } : {}),
          label: (item) =>
            spec.label((spec.horizontal ? item.parsed.x : item.parsed.y) ?? 0, item.dataset.label ?? ''),
        },
      },
    },
    scales: spec.horizontal ? { x: value, y: category } : { x: category, y: value },
  }
}
