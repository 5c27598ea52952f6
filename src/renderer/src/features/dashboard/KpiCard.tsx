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
