/** @jsxRuntime automatic */

// Charts for paper: plain SVG, so they print sharp at any resolution and need no canvas or script (a
// printed report is one static file). Colours are those of the app's charts.

export const SERIES_COLOURS = ['#0b7285', '#f08c00', '#868e96', '#5c940d', '#c2255c']

export interface BarSeries {
  label: string
  values: number[]
}

export interface BarChartProps {
  /** Category labels under the bars (one or two lines each). */
  categories: string[][]
  series: BarSeries[]
  /** Formats a value for the axis and the labels above the bars. */
  format: (value: number) => string
  /** Stack the series on each other instead of side by side. */
  stacked?: boolean
  /** Colours of the series in order (default SERIES_COLOURS). */
  colours?: string[]
  width?: number
  height?: number
}

function niceMax(value: number): number {
  if (!(value > 0)) return 1
  const power = Math.pow(10, Math.floor(Math.log10(value)))
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value) ?? 10
  return step * power
}

/** A bar chart with four grid lines, value axis on the left and a legend when there are several series. */
export function BarChart(props: BarChartProps): React.JSX.Element {
  const width = props.width ?? 720
  const height = props.height ?? 240
  const left = 64
  const bottom = 34
  const top = props.series.length > 1 ? 24 : 10
  const plotW = width - left - 8
  const plotH = height - top - bottom
  const n = props.categories.length
  const totals = props.categories.map((_, i) =>
    props.stacked
      ? props.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)
      : Math.max(0, ...props.series.map((s) => s.values[i] ?? 0)),
  )
  const max = niceMax(Math.max(0, ...totals))
  const slot = n > 0 ? plotW / n : plotW
  const groupW = slot * 0.7
  const barW = props.stacked ? groupW : groupW / Math.max(1, props.series.length)
  const y = (v: number): number => top + plotH - (Math.max(0, v) / max) * plotH
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max)
  const palette = props.colours ?? SERIES_COLOURS
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" xmlns="http://www.w3.org/2000/svg">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={width - 8} y1={y(t)} y2={y(t)} stroke="#ddd" strokeWidth={0.8} />
          <text x={left - 4} y={y(t) + 3} fontSize={9} textAnchor="end" fill="#444">
            {props.format(t)}
          </text>
        </g>
      ))}
      {props.categories.map((lines, i) => {
        const x0 = left + i * slot + (slot - groupW) / 2
        let base = 0
        return (
          <g key={lines.join(' ')}>
            {props.series.map((s, k) => {
              const v = Math.max(0, s.values[i] ?? 0)
              const x = props.stacked ? x0 : x0 + k * barW
              const y1 = props.stacked ? y(base + v) : y(v)
              const y2 = props.stacked ? y(base) : y(0)
              base += props.stacked ? v : 0
              return (
                <rect
                  key={s.label}
                  x={x}
                  y={y1}
                  width={barW}
                  height={Math.max(0, y2 - y1)}
                  fill={palette[k % palette.length]}
                />
              )
            })}
            {lines.map((line, j) => (
              <text
                key={line}
                x={x0 + groupW / 2}
                y={top + plotH + 12 + j * 11}
                fontSize={9}
                textAnchor="middle"
                fill="#333"
              >
                {line}
              </text>
            ))}
          </g>
        )
      })}
      {props.series.length > 1 &&
        props.series.map((s, k) => (
          <g key={s.label} transform={`translate(${left + k * 170}, 4)`}>
            <rect width={10} height={10} fill={palette[k % palette.length]} />
            <text x={14} y={9} fontSize={10} fill="#222">
              {s.label}
            </text>
          </g>
        ))}
    </svg>
  )
}

/** Teal shades for heat tables; white text from the middle up so every cell stays readable. */
export function heatStyle(share: number): { background: string; color: string } {
  const clamped = Math.min(1, Math.max(0, share))
  const light = Math.round(96 - clamped * 66)
  return { background: `hsl(187, 70%, ${light}%)`, color: light < 55 ? '#fff' : '#111' }
}
