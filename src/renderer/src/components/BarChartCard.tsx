import { Box, Card, Group, Skeleton, Title } from '@mantine/core'
import type { ChartData, ChartOptions } from 'chart.js'
import type { ReactNode } from 'react'
import { Bar } from 'react-chartjs-2'
import { useChartFonts } from '../charts/setup'

/**
 * A card with a title and one Chart.js bar chart, the one way the pages draw bars: the chart waits for the
 * Thai font (a skeleton until then) and carries its accessible name. Options come from `barChartOptions`.
 */
export function BarChartCard(props: {
  title: ReactNode
  /** shown beside the title, e.g. a switch between measures */
  controls?: ReactNode
  height: number
  testId: string
  ariaLabel: string
  data: ChartData<'bar'>
  options: ChartOptions<'bar'>
  /** fill the grid cell's height (cards side by side) */
  fill?: boolean
  /** the card's figures are still loading (a skeleton, as while the font loads) */
  loading?: boolean
  /** shown instead of the chart when its figures could not be read */
  error?: ReactNode
}): React.JSX.Element {
  const fontsReady = useChartFonts()
  return (
    <Card withBorder padding="lg" h={props.fill ? '100%' : undefined}>
      {props.controls ? (
        <Group justify="space-between" mb="md">
          <Title order={4}>{props.title}</Title>
          {props.controls}
        </Group>
      ) : (
        <Title order={4} mb="md">
          {props.title}
        </Title>
      )}
      <Box h={props.height} data-testid={props.testId}>
        {props.error ? (
          props.error
        ) : fontsReady && !props.loading ? (
          <Bar data={props.data} options={props.options} role="img" aria-label={props.ariaLabel} />
        ) : (
          <Skeleton h={props.height} />
        )}
      </Box>
    </Card>
  )
}
