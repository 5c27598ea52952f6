import { Card, Stack, Text } from '@mantine/core'

export function KpiCard(props: {
  testId: string
  label: string
  value: string
  hints: string[]
}): React.JSX.Element {
  return (
    <Card withBorder padding="lg" data-testid={props.testId}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {props.label}
        </Text>
        <Text fz={30} fw={700} lh={1.2} data-testid={`${props.testId}-value`}>
          {props.value}
        </Text>
        {props.hints.map((hint) => (
          <Text key={hint} size="sm" c="dimmed">
            {hint}
          </Text>
        ))}
      </Stack>
    </Card>
  )
}

/**
 * A KPI card before its figure is known: the label, and the figure's and two hints' room left blank, as the
 * page's static frame draws it (src/renderer/src/static-frame/), so the cards do not move when it goes.
 */
export function KpiCardOutline(props: { label: string }): React.JSX.Element {
  return (
    <Card withBorder padding="lg">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {props.label}
        </Text>
        <Text fz={30} fw={700} lh={1.2}>
          {BLANK}
        </Text>
        <Text size="sm">{BLANK}</Text>
        <Text size="sm">{BLANK}</Text>
      </Stack>
    </Card>
  )
}

const BLANK = '\u00a0'
