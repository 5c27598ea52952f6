import { Card, Text, Title, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SegmentsOverview } from '../../../../shared/api/analysis'
import { useFormat } from '../../format/useFormat'
import classes from './analysis.module.css'
import { EMPTY_CELL, heatColour } from './heatColour'
import { segmentNamer } from './segmentText'

const SCORES = [1, 2, 3, 4, 5] as const

/**
 * The 5 x 5 RFM grid: recency score down (5 = bought most recently, at the top), frequency-and-spend score
 * across (5 = buys most often and spends most, on the right). Each cell shows its segment and how many
 * customers it holds, coloured by that count; a click opens the segment's customers.
 */
export function RfmGrid(props: {
  overview: SegmentsOverview
  onOpenSegment: (id: string) => void
}): React.JSX.Element {
  const { t } = useTranslation('analysis')
  const fmt = useFormat()
  const { grid, run } = props.overview
  const name = segmentNamer(props.overview.segments, fmt.language)
  const max = Math.max(1, ...grid.map((c) => c.customers))
  const rows = [5, 4, 3, 2, 1].map((r) => grid.filter((c) => c.r === r).sort((a, b) => a.fm - b.fm))
  return (
    <Card withBorder padding="lg">
      <Title order={4}>{t('grid.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('grid.hint')}
      </Text>
      <table className={classes.heatmap} style={{ width: '100%' }} data-testid="rfm-grid">
        <thead>
          <tr>
            <th />
            <th colSpan={5}>{t('grid.fmAxis')}</th>
          </tr>
          <tr>
            <th style={{ textAlign: 'left', width: 120 }}>{t('grid.rAxis')}</th>
            {SCORES.map((fm) => (
              <th key={fm} scope="col">
                {fm}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells) => {
            const r = cells[0]?.r ?? 0
            return (
              <tr key={r}>
                <th scope="row">{r}</th>
                {cells.map((cell) => {
                  const colour = cell.customers > 0 ? heatColour(cell.customers / max) : EMPTY_CELL
                  const share = run.customers > 0 ? cell.customers / run.customers : 0
                  const segmentName = name(cell.segment)
                  return (
                    <td
                      key={cell.fm}
                      className={classes.rfmCell}
                      style={colour}
                      data-heat
                      data-testid={`rfm-cell-${cell.r}-${cell.fm}`}
                      data-segment={cell.segment}
                      data-customers={cell.customers}
                    >
                      <UnstyledButton
                        className={classes.rfmButton}
                        onClick={() => props.onOpenSegment(cell.segment)}
                        aria-label={t('grid.cell', {
                          segment: segmentName,
                          r: cell.r,
                          fm: cell.fm,
                          customers: fmt.number(cell.customers),
                        })}
                      >
                        <Text size="xs" fw={600} lh={1.25} lineClamp={2} c="inherit">
                          {segmentName}
                        </Text>
                        <Text fw={700} fz="lg" lh={1.2} c="inherit">
                          {fmt.number(cell.customers)}
                          <Text span size="xs" fw={500} ml={6} c="inherit">
                            {fmt.percent(share)}
                          </Text>
                        </Text>
                      </UnstyledButton>
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </Card>
  )
}
